package com.laundryconnect.realtime.notification.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/** Every read and write of a user's notifications; each method is its own transaction. */
@ApplicationScoped
public class NotificationStore implements PanacheRepository<Notification> {

    private final ObjectMapper json;

    public NotificationStore(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the notification unless its source event was stored before (a redelivery), in which case nothing
     * changes and the result is empty.
     */
    @Transactional
    public Optional<Notification> storeOnce(NewNotification notification) {
        List<?> inserted = getEntityManager().createNativeQuery("""
                        INSERT INTO notifications (user_id, title, message, notification_type, data, source_event_id)
                        VALUES (:userId, :title, :message, :type, CAST(:data AS jsonb), :sourceEventId)
                        ON CONFLICT (source_event_id) DO NOTHING
                        RETURNING id""")
                .setParameter("userId", notification.userId())
                .setParameter("title", notification.title())
                .setParameter("message", notification.message())
                .setParameter("type", notification.notificationType())
                .setParameter("data", toJson(notification))
                .setParameter("sourceEventId", notification.sourceEventId())
                .getResultList();
        return inserted.stream().findFirst().map(id -> findById(((Number) id).longValue()));
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

    private String toJson(NewNotification notification) {
        try {
            return json.writeValueAsString(notification.data() == null ? Map.of() : notification.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification data cannot be written as JSON", e);
        }
    }
}
