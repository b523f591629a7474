package com.laundryconnect.realtime.notification.push;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.notification.store.Notification;
import com.laundryconnect.realtime.session.ws.Replayable;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The server messages of contract section 5, exactly as the guide's NotificationWebSocket reads them. */
@RegisterForReflection
public final class NotificationMessages {

    private NotificationMessages() {
    }

    public record NotificationView(
            long id,
            String title,
            String message,
            @JsonProperty("notification_type") String notificationType,
            Map<String, Object> data,
            @JsonProperty("is_read") boolean isRead,
            @JsonProperty("created_at") Instant createdAt) {

        public static NotificationView of(Notification notification) {
            return new NotificationView(notification.id, notification.title, notification.message,
                    notification.notificationType, notification.data == null ? Map.of() : notification.data,
                    notification.read, notification.createdAt.toInstant());
        }
    }

    /** {@code last_notification_id} is this service's addition: what a client that received nothing resumes from. */
    public record ConnectionEstablished(String type, String message, @JsonProperty("unread_count") long unreadCount,
                                        @JsonProperty("user_id") String userId,
                                        @JsonProperty("last_notification_id") long lastNotificationId) {
        public ConnectionEstablished(long unreadCount, String userId, long lastNotificationId) {
            this("connection_established", "Connected to notifications", unreadCount, userId, lastNotificationId);
        }
    }

    public record NotificationPushed(String type, NotificationView notification) implements Replayable {
        public NotificationPushed(NotificationView notification) {
            this("notification", notification);
        }

        @Override
        public String replayKey() {
            return Long.toString(notification.id());
        }
    }

    public record UnreadCount(String type, long count) {
        public UnreadCount(long count) {
            this("unread_count", count);
        }
    }

    /** Answer to mark_read: {@code notification_id} echoes what the client sent, even when it was malformed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarkReadResponse(String type, boolean success,
                                   @JsonProperty("notification_id") @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode notificationId,
                                   int marked, String error) {

        public static MarkReadResponse marked(JsonNode notificationId, int marked) {
            return new MarkReadResponse("mark_read_response", true, notificationId, marked, null);
        }

        public static MarkReadResponse notFound(JsonNode notificationId) {
            return new MarkReadResponse("mark_read_response", false, notificationId, 0, "Notification not found");
        }
    }

    public record MarkAllReadResponse(String type, boolean success, int marked) {
        public MarkAllReadResponse(int marked) {
            this("mark_read_response", true, marked);
        }
    }
}
