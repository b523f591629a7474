package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * {@code notification.requested} on {@code laundry.notifications.v1}, keyed by {@code user_id}.
 * {@code data} is an optional free-form JSON object (null when absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationRequested(
        @JsonProperty("user_id") String userId,
        @JsonProperty("title") String title,
        @JsonProperty("message") String message,
        @JsonProperty("notification_type") String notificationType,
        @JsonProperty("data") ObjectNode data) implements EventPayload {

    public NotificationRequested {
        Objects.requireNonNull(userId, "user_id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(notificationType, "notification_type");
    }
}
