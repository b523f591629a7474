package com.laundryconnect.realtime.tracking.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.laundryconnect.realtime.session.testing.TestEnvelopes;

import io.vertx.core.json.JsonObject;

/** CloudEvents of contract 8 as the main backend and partner-service write them, each with a new CloudEvent id. */
public final class TestEvents {

    private TestEvents() {
    }

    /**
     * Now to the millisecond, or at most 200 ms later, such that it and every instant up to 199 ms after it have a
     * millisecond part other than {@code 000}: their {@code toString()} then has the three digits the service writes
     * ({@code Instant.toString()} leaves them out when they are {@code 000}), so a test can compare a frame's
     * timestamp with it. Never before this millisecond: the service ignores an order event older than one it applied.
     */
    public static Instant nowWithMillis() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long millisOfSecond = now.toEpochMilli() % 1000;
        if (millisOfSecond == 0) {
            return now.plusMillis(1);
        }
        return millisOfSecond <= 800 ? now : now.truncatedTo(ChronoUnit.SECONDS).plusMillis(1001);
    }

    public static JsonObject orderCreated(String orderId, String customerId, String status, Instant time) {
        return TestEnvelopes.envelope("order.created", orderId, time, new JsonObject()
                .put("order_id", orderId).put("order_number", orderNumber(orderId)).put("customer_id", customerId)
                .put("status", status).put("total_amount", "249.50").put("currency", "INR")
                .put("pickup_address", "12 MG Road").put("items_count", 3)
                .put("scheduled_pickup", "2026-11-27T09:00:00Z"));
    }

    public static JsonObject statusChanged(String orderId, String customerId, String partnerId, String status,
                                           String previousStatus, Instant time) {
        return TestEnvelopes.envelope("order.status_changed", orderId, time, new JsonObject()
                .put("order_id", orderId).put("order_number", orderNumber(orderId)).put("customer_id", customerId)
                .put("partner_id", partnerId).put("status", status).put("previous_status", previousStatus));
    }

    public static JsonObject assigned(String orderId, String customerId, String partnerId, String partnerName,
                                      Instant time) {
        return TestEnvelopes.envelope("order.assigned", orderId, time, new JsonObject()
                .put("order_id", orderId).put("order_number", orderNumber(orderId)).put("customer_id", customerId)
                .put("partner_id", partnerId).put("partner_name", partnerName));
    }

    public static JsonObject etaUpdated(String orderId, Instant eta, Instant time) {
        return TestEnvelopes.envelope("order.eta_updated", orderId, time, new JsonObject()
                .put("order_id", orderId).put("eta", eta.toString()));
    }

    public static JsonObject location(String orderId, String partnerId, double latitude, double longitude,
                                      Instant recordedAt) {
        return TestEnvelopes.envelope("location.reported", orderId, recordedAt, new JsonObject()
                .put("order_id", orderId).put("partner_id", partnerId).put("latitude", latitude)
                .put("longitude", longitude).put("recorded_at", recordedAt.toString()));
    }

    public static JsonObject messageSent(String orderId, String senderId, String senderRole, String recipientId,
                                         String message) {
        return TestEnvelopes.envelope("message.sent", orderId, Instant.now(), new JsonObject()
                .put("message_id", UUID.randomUUID().toString()).put("order_id", orderId)
                .put("order_number", orderNumber(orderId)).put("sender_id", senderId)
                .put("sender_role", senderRole).put("recipient_id", recipientId).put("message", message));
    }

    public static String orderNumber(String orderId) {
        return "LC-" + orderId.substring(0, 8);
    }
}
