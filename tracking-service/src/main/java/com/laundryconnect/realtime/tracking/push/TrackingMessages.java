package com.laundryconnect.realtime.tracking.push;

import java.time.Instant;

import com.laundryconnect.realtime.session.ws.Replayable;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The server messages of {@code /ws/orders/{order_id}/} (contract 6). Fields the contract allows to be null are
 * written as null, never left out, since the guide's client reads them directly.
 */
public final class TrackingMessages {

    private TrackingMessages() {
    }

    @RegisterForReflection
    /**
     * {@code last_message_id} is this service's addition, for the order's customer only: the newest partner message
     * ({@code "0"} when none yet), which a client that received no {@code partner_message} resumes from.
     */
    public record ConnectionEstablished(String type, OrderSnapshot order,
                                        @JsonInclude(JsonInclude.Include.NON_NULL)
                                        @JsonProperty("last_message_id") String lastMessageId) {
        public ConnectionEstablished(OrderSnapshot order, String lastMessageId) {
            this("connection_established", order, lastMessageId);
        }
    }

    /** {@code eta}, {@code last_location} and {@code partner} are null when unknown. */
    @RegisterForReflection
    public record OrderSnapshot(
            String id,
            @JsonProperty("order_number") String orderNumber,
            String status,
            @JsonProperty("status_display") String statusDisplay,
            PartnerRef partner,
            Instant eta,
            @JsonProperty("last_location") LastLocation lastLocation,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    /** {@code name} is null while the partner is known only from an event without a name. */
    @RegisterForReflection
    public record PartnerRef(String id, String name) {
    }

    @RegisterForReflection
    public record LastLocation(double latitude, double longitude, Instant timestamp) {
    }

    @RegisterForReflection
    public record OrderUpdate(String type, Update update) {
        public OrderUpdate(Update update) {
            this("order_update", update);
        }
    }

    @RegisterForReflection
    public record Update(
            @JsonProperty("order_id") String orderId,
            @JsonProperty("order_number") String orderNumber,
            String status,
            @JsonProperty("status_display") String statusDisplay,
            @JsonProperty("previous_status") String previousStatus,
            String note,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    @RegisterForReflection
    public record EtaUpdate(String type, Instant eta, @JsonProperty("eta_minutes") long etaMinutes) {
        public EtaUpdate(Instant eta, long etaMinutes) {
            this("eta_update", eta, etaMinutes);
        }
    }

    @RegisterForReflection
    public record Location(String type, double latitude, double longitude, Instant timestamp, Double heading, Double speed) {
        public Location(double latitude, double longitude, Instant timestamp, Double heading, Double speed) {
            this("location", latitude, longitude, timestamp, heading, speed);
        }
    }

    /** A partner's chat message to the customer; {@code message_id} is what a reconnecting client passes as {@code since}. */
    @RegisterForReflection
    public record PartnerMessage(
            String type,
            @JsonProperty("order_id") String orderId,
            String message,
            @JsonProperty("sender_id") String senderId,
            @JsonProperty("sent_at") Instant sentAt,
            @JsonProperty("message_id") String messageId) implements Replayable {
        public PartnerMessage(String orderId, String message, String senderId, Instant sentAt, String messageId) {
            this("partner_message", orderId, message, senderId, sentAt, messageId);
        }

        @Override
        public String replayKey() {
            return messageId;
        }
    }

    /** The answer to {@code send_message} and {@code partner_reply}: {@code message_id} on success, {@code error} otherwise. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageSent(String type, boolean success, @JsonProperty("message_id") String messageId, String error) {

        public static MessageSent accepted(String messageId) {
            return new MessageSent("message_sent", true, messageId, null);
        }

        public static MessageSent refused(String error) {
            return new MessageSent("message_sent", false, null, error);
        }
    }
}
