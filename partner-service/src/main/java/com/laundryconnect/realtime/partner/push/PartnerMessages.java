package com.laundryconnect.realtime.partner.push;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.laundryconnect.realtime.session.json.Money;
import com.laundryconnect.realtime.session.ws.Replayable;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The server messages of {@code /ws/partner/} (contract 7); every field is always present, null when unknown.
 * {@code feed_id} is this service's addition for resuming: a frame's position in the partner's feed, and in
 * {@code connection_established} the position the session continues from.
 */
public final class PartnerMessages {

    private PartnerMessages() {
    }

    /**
     * A frame kept in the partner's feed. It is serialised for the feed without its feed id (null until the feed gave
     * it one, and then left out), and pushed with it.
     */
    sealed interface FeedFrame extends Replayable permits NewOrder, EarningsUpdate, CustomerMessage {

        FeedFrame withFeedId(long feedId);

        Long feedId();

        @Override
        default String replayKey() {
            return Long.toString(feedId());
        }
    }

    /** A frame read back from the partner's feed for a resuming session: its stored JSON with its feed id. */
    @RegisterForReflection
    public record ReplayedFrame(@JsonValue ObjectNode frame, long feedId) implements Replayable {

        @Override
        public String replayKey() {
            return Long.toString(feedId);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConnectionEstablished(
            String type,
            String message,
            @JsonProperty("partner_id") String partnerId,
            @JsonProperty("total_earnings") @Money BigDecimal totalEarnings,
            String currency,
            @JsonProperty("feed_id") long feedId) {

        public ConnectionEstablished(String message, String partnerId, BigDecimal totalEarnings, String currency,
                                     long feedId) {
            this("connection_established", message, partnerId, totalEarnings, currency, feedId);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NewOrder(
            String type,
            Order order,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("feed_id") Long feedId) implements FeedFrame {

        NewOrder(Order order) {
            this("new_order", order, null);
        }

        @Override
        public NewOrder withFeedId(long feedId) {
            return new NewOrder(type, order, feedId);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Order(
            String id,
            @JsonProperty("order_number") String orderNumber,
            @JsonProperty("customer_id") String customerId,
            @JsonProperty("pickup_address") String pickupAddress,
            @JsonProperty("items_count") Integer itemsCount,
            @JsonProperty("total_amount") @Money BigDecimal totalAmount,
            String currency,
            @JsonProperty("scheduled_pickup") Instant scheduledPickup,
            @JsonProperty("created_at") Instant createdAt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EarningsUpdate(
            String type,
            @Money BigDecimal amount,
            @Money BigDecimal total,
            String currency,
            @JsonProperty("order_id") String orderId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("feed_id") Long feedId) implements FeedFrame {

        EarningsUpdate(BigDecimal amount, BigDecimal total, String currency, String orderId) {
            this("earnings_update", amount, total, currency, orderId, null);
        }

        @Override
        public EarningsUpdate withFeedId(long feedId) {
            return new EarningsUpdate(type, amount, total, currency, orderId, feedId);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CustomerMessage(
            String type,
            @JsonProperty("order_id") String orderId,
            @JsonProperty("order_number") String orderNumber,
            String message,
            @JsonProperty("sender_id") String senderId,
            @JsonProperty("sent_at") Instant sentAt,
            @JsonProperty("message_id") String messageId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("feed_id") Long feedId) implements FeedFrame {

        CustomerMessage(String orderId, String orderNumber, String message, String senderId, Instant sentAt,
                        String messageId) {
            this("customer_message", orderId, orderNumber, message, senderId, sentAt, messageId, null);
        }

        @Override
        public CustomerMessage withFeedId(long feedId) {
            return new CustomerMessage(type, orderId, orderNumber, message, senderId, sentAt, messageId, feedId);
        }
    }
}
