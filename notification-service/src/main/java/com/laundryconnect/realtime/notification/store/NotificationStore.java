package com.laundryconnect.realtime.notification.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/** Every read and write of a user's notifications; each method is its own transaction. */
@ApplicationScoped
public class NotificationStore implements PanacheRepository<Notification> {

    /**
     * The count runs on the snapshot from before the insert, which does not hold the new notification yet: it is
     * unread, hence the + 1.
     */
    private static final String INSERT_COUNTING_UNREAD = """
            WITH inserted AS (
                INSERT INTO notifications (user_id, title, message, notification_type, data, source_event_id)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (source_event_id) DO NOTHING
                RETURNING id, created_at)
            SELECT inserted.id, inserted.created_at,
                   (SELECT count(*) FROM notifications WHERE user_id = ? AND NOT is_read) + 1 AS unread_count
            FROM inserted""";

    private final ObjectMapper json;

    public NotificationStore(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the notification unless its source event was stored before (a redelivery), in which case nothing
     * changes and the result is empty. One statement stores it and counts the user's unread notifications, so an
     * event costs one round trip and one commit: the consumers apply hundreds of events a second.
     */
    @Transactional
    public Optional<StoredNotification> storeOnce(NewNotification notification) {
        String data = toJson(notification);
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_COUNTING_UNREAD)) {
                insert.setString(1, notification.userId());
                insert.setString(2, notification.title());
                insert.setString(3, notification.message());
                insert.setString(4, notification.notificationType());
                insert.setString(5, data);
                insert.setString(6, notification.sourceEventId());
                insert.setString(7, notification.userId());
                try (ResultSet row = insert.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredNotification(stored(notification, row.getLong("id"),
                            row.getObject("created_at", OffsetDateTime.class)), row.getLong("unread_count")));
                }
            }
        });
    }

    @Transactional
    public long unreadCount(String userId) {
        return count("userId = ?1 and read = false", userId);
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
     * oldest first. Nothing when {@code sinceId} is not one of the user's.
     */
    @Transactional
    public List<Notification> createdAfter(String userId, long sinceId, int max) {
        if (count("id = ?1 and userId = ?2", sinceId, userId) == 0) {
            return List.of();
        }
        List<Notification> newestFirst = find("userId = ?1 and id > ?2 order by id desc", userId, sinceId)
                .page(0, max).list();
        return newestFirst.reversed();
    }

    @Transactional
    public MarkReadResult markRead(String userId, long id) {
        Optional<Notification> notification = find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
        if (notification.isEmpty()) {
            return MarkReadResult.NOT_FOUND;
        }
        int marked = update("read = true where id = ?1 and userId = ?2 and read = false", id, userId);
        return new MarkReadResult(true, marked);
    }

    @Transactional
    public int markAllRead(String userId) {
        return update("read = true where userId = ?1 and read = false", userId);
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

    private String toJson(NewNotification notification) {
        try {
            return json.writeValueAsString(notification.data() == null ? Map.of() : notification.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data cannot be written as JSON", e);
        }
    }
}
