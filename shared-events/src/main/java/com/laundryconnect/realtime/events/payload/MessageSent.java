package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/** {@code message.sent} on {@code laundry.order-messages.v1}, keyed by {@code order_id}. */
public record MessageSent(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("sender_id") String senderId,
        @JsonProperty("sender_role") SenderRole senderRole,
        @JsonProperty("recipient_id") String recipientId,
        @JsonProperty("message") String message) implements EventPayload {

    public MessageSent {
        Objects.requireNonNull(messageId, "message_id");
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(orderNumber, "order_number");
        Objects.requireNonNull(senderId, "sender_id");
        Objects.requireNonNull(senderRole, "sender_role");
        Objects.requireNonNull(recipientId, "recipient_id");
        Objects.requireNonNull(message, "message");
    }
}
