package com.laundryconnect.realtime.notification.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/** Every read and write of a user's notifications; each method is one transaction or one statement. */
@ApplicationScoped
public class NotificationStore implements PanacheRepository<Notification> {

    /**
     * Stores a batch in one statement: the notifications whose source event is new, and each user's unread counter
     * raised by as many (with the user's newest notification id beside it). Counter rows are locked in user order, so two batches never deadlock. The unread count that
     * goes with each notification is the counter after the batch less the user's notifications stored after it.
     */
    private static final String INSERT_COUNTING_UNREAD = """
            WITH incoming AS (
                SELECT * FROM jsonb_to_recordset(CAST(? AS jsonb)) AS t(position int, source_event_id text,
                    user_id text, title text, message text, notification_type text, data jsonb)),
            inserted AS (
                INSERT INTO notifications (user_id, title, message, notification_type, data, source_event_id)
                SELECT user_id, title, message, notification_type, data, source_event_id FROM incoming ORDER BY position
                ON CONFLICT (source_event_id) DO NOTHING
                RETURNING id, user_id, created_at, source_event_id),
            counted AS (
                INSERT INTO unread_counters AS counter (user_id, unread, latest_id)
                SELECT user_id, count(*), max(id) FROM inserted GROUP BY user_id ORDER BY user_id
                ON CONFLICT (user_id) DO UPDATE SET unread = counter.unread + EXCLUDED.unread,
                    latest_id = GREATEST(counter.latest_id, EXCLUDED.latest_id)
                RETURNING user_id, unread)
            SELECT inserted.id, inserted.source_event_id, inserted.created_at,
                   counted.unread - count(*) OVER (PARTITION BY inserted.user_id)
                       + row_number() OVER (PARTITION BY inserted.user_id ORDER BY inserted.id) AS unread_count
            FROM inserted JOIN counted USING (user_id)
            ORDER BY inserted.id""";

    private static final String INBOX = "SELECT unread, latest_id FROM unread_counters WHERE user_id = ?";

    /** The {@code since} that resumes from a user's first notification (ids start at 1). */
    public static final long FROM_THE_START = 0;

    /** Marks unread notifications read and lowers the counter by exactly as many, in one statement. */
    private static final String MARK_READ = """
            WITH marked AS (
                UPDATE notifications SET is_read = true
                WHERE user_id = ?1 AND NOT is_read %s
                RETURNING id)
            UPDATE unread_counters SET unread = unread - (SELECT count(*) FROM marked)
            WHERE user_id = ?1
            RETURNING (SELECT count(*) FROM marked)""";
    private static final String MARK_ONE_READ = MARK_READ.formatted("AND id = ?2");
    private static final String MARK_ALL_READ = MARK_READ.formatted("");

    private final ObjectMapper json;
    private final DataSource dataSource;

    public NotificationStore(ObjectMapper json, DataSource dataSource) {
        this.json = json;
        this.dataSource = dataSource;
    }

    /**
     * Stores the notifications whose source event was not stored before (a redelivery changes nothing) and returns
     * those, oldest first, each with its user's unread count right after it. The consumers apply thousands of events a
     * second, so the whole batch is one statement over plain JDBC, committed on its own: a single statement is atomic
     * in PostgreSQL, and a JTA transaction around it added a COMMIT round trip and its interceptors (6 % of the
     * service's samples at 5,000 notifications/s, BENCHMARKS.md section 16). Durable when this returns.
     */
    public List<StoredNotification> storeOnce(List<NewNotification> notifications) {
        Map<String, NewNotification> bySourceEvent = new HashMap<>();
        ArrayNode rows = json.createArrayNode();
        for (NewNotification notification : notifications) {
            bySourceEvent.putIfAbsent(notification.sourceEventId(), notification);
            rows.addObject()
                    .put("position", rows.size())
                    .put("source_event_id", notification.sourceEventId())
                    .put("user_id", notification.userId())
                    .put("title", notification.title())
                    .put("message", notification.message())
                    .put("notification_type", notification.notificationType())
                    .set("data", json.valueToTree(notification.data() == null ? Map.of() : notification.data()));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_COUNTING_UNREAD)) {
            insert.setString(1, rows.toString());
            List<StoredNotification> stored = new ArrayList<>();
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    NewNotification notification = bySourceEvent.get(row.getString("source_event_id"));
                    stored.add(new StoredNotification(stored(notification, row.getLong("id"),
                            row.getObject("created_at", OffsetDateTime.class)), row.getLong("unread_count")));
                }
            }
            return stored;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a batch of " + notifications.size() + " notifications failed", e);
        }
    }

    /** The user's unread count: one row kept in step with every insert and every mark, never a count of rows. */
    public long unreadCount(String userId) {
        return inbox(userId).unreadCount();
    }

    /**
     * The unread count and the newest notification id (or {@link #FROM_THE_START}) of a user, from one row. Every new
     * session asks this, so it is one statement over plain JDBC outside a transaction: the transaction and the
     * persistence context around it were as costly as the query itself in a profile of a reconnect storm
     * (BENCHMARKS.md section 16).
     */
    public Inbox inbox(String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(INBOX)) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Inbox(row.getLong(1), row.getLong(2)) : new Inbox(0, FROM_THE_START);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the unread counter of a user failed", e);
        }
    }

    /** One page of the user's notifications, newest first, strictly older than {@code before} when given. */
    @Transactional
    public List<Notification> page(String userId, boolean unreadOnly, Long before, int limit) {
        StringBuilder query = new StringBuilder("userId = :userId");
        Parameters parameters = Parameters.with("userId", userId);
        if (unreadOnly) {
            query.append(" and read = false");
        }
        if (before != null) {
            query.append(" and id < :before");
            parameters.and("before", before);
        }
        return find(query.append(" order by id desc").toString(), parameters).page(0, limit).list();
    }

    /**
     * What a resuming client missed: the newest {@code max} of the user's notifications after {@code sinceId},
     * oldest first; all of them from {@link #FROM_THE_START}. Nothing when {@code sinceId} is not one of the user's.
     */
    @Transactional
    public List<Notification> createdAfter(String userId, long sinceId, int max) {
        if (sinceId != FROM_THE_START && count("id = ?1 and userId = ?2", sinceId, userId) == 0) {
            return List.of();
        }
        List<Notification> newestFirst = find("userId = ?1 and id > ?2 order by id desc", userId, sinceId)
                .page(0, max).list();
        return newestFirst.reversed();
    }

    @Transactional
    public MarkReadResult markRead(String userId, long id) {
        if (count("id = ?1 and userId = ?2", id, userId) == 0) {
            return MarkReadResult.NOT_FOUND;
        }
        return new MarkReadResult(true, marked(getEntityManager().createNativeQuery(MARK_ONE_READ)
                .setParameter(1, userId).setParameter(2, id).getResultList()));
    }

    @Transactional
    public int markAllRead(String userId) {
        return marked(getEntityManager().createNativeQuery(MARK_ALL_READ).setParameter(1, userId).getResultList());
    }

    /** No counter row means the user never had a notification, so nothing was marked. */
    private static int marked(List<?> result) {
        return result.isEmpty() ? 0 : ((Number) result.get(0)).intValue();
    }

    private static Notification stored(NewNotification notification, long id, OffsetDateTime createdAt) {
        Notification stored = new Notification();
        stored.id = id;
        stored.userId = notification.userId();
        stored.title = notification.title();
        stored.message = notification.message();
        stored.notificationType = notification.notificationType();
        stored.data = notification.data() == null ? Map.of() : notification.data();
        stored.read = false;
        stored.createdAt = createdAt;
        stored.sourceEventId = notification.sourceEventId();
        return stored;
    }
}
