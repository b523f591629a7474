package com.laundryconnect.realtime.faulttest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.laundryconnect.realtime.loadtest.CloudEvents;
import com.laundryconnect.realtime.localdev.token.Role;

import io.vertx.core.json.JsonObject;

/**
 * What one fault run publishes and how its clients recognise it: every event carries a key that comes back in the
 * frame its user receives, and, where the endpoint resumes (contract 5 for notifications, the tracking chat), the id a
 * client passes as {@code since} when it reconnects.
 */
enum Traffic {

    /**
     * {@code notification.requested} to each user's {@code /ws/notifications/}; resumes with the notification id, from
     * {@code connection_established}'s {@code last_notification_id} until a notification came.
     */
    NOTIFICATIONS("notifications", "notification-service", Role.CUSTOMER, "notifications",
            "SELECT count(*) FROM notifications WHERE user_id LIKE ?") {
        @Override
        JsonObject event(String key, User owner, Instant now) {
            JsonObject data = new JsonObject().put("user_id", owner.id()).put("title", "Fault test " + key)
                    .put("message", "Notification " + key).put("notification_type", "fault_test")
                    .put("data", new JsonObject().put(KEY_FIELD, key));
            return CloudEvents.envelope(key, SOURCE, "notification.requested", owner.id(), now, data);
        }

        @Override
        String endpoint(JsonObject endpoints, User user) {
            return endpoints.getString("notifications");
        }

        @Override
        String keyOf(JsonObject frame) {
            if (!"notification".equals(frame.getString("type"))) {
                return null;
            }
            JsonObject data = frame.getJsonObject("notification", new JsonObject()).getJsonObject("data");
            return data == null ? null : data.getString(KEY_FIELD);
        }

        @Override
        String resumeIdOf(JsonObject frame) {
            Object id = frame.getJsonObject("notification", new JsonObject()).getValue("id");
            return id == null ? null : id.toString();
        }

        @Override
        String resumeStartOf(JsonObject established) {
            Object latest = established.getValue("last_notification_id");
            return latest == null ? null : latest.toString();
        }
    },

    /**
     * A partner's chat message ({@code message.sent}, sender_role partner) to the customer's
     * {@code /ws/orders/{id}/}; resumes with the message id, from {@code connection_established}'s
     * {@code last_message_id} until a message came.
     */
    CHAT("tracking chat", "tracking-service", Role.CUSTOMER, "tracking",
            "SELECT count(*) FROM order_messages WHERE order_id LIKE ?") {
        @Override
        List<JsonObject> setUp(User user, Instant now) {
            JsonObject created = new JsonObject().put("order_id", user.orderId()).put("order_number", user.orderId())
                    .put("customer_id", user.id()).put("status", "confirmed").put("total_amount", "249.50")
                    .put("currency", "INR").put("pickup_address", "12 MG Road").put("items_count", 3)
                    .put("scheduled_pickup", CloudEvents.timestamp(now));
            JsonObject assigned = new JsonObject().put("order_id", user.orderId()).put("order_number", user.orderId())
                    .put("customer_id", user.id()).put("partner_id", user.partnerId()).put("partner_name", "Ravi");
            List<JsonObject> events = new ArrayList<>();
            events.add(CloudEvents.envelope(user.orderId() + "-created", SOURCE, "order.created", user.orderId(), now,
                    created));
            events.add(CloudEvents.envelope(user.orderId() + "-assigned", SOURCE, "order.assigned", user.orderId(),
                    now, assigned));
            return events;
        }

        @Override
        JsonObject event(String key, User owner, Instant now) {
            JsonObject data = new JsonObject().put("message_id", key).put("order_id", owner.orderId())
                    .put("order_number", owner.orderId()).put("sender_id", owner.partnerId())
                    .put("sender_role", "partner").put("recipient_id", owner.id()).put("message", "On my way " + key);
            return CloudEvents.envelope(key, SOURCE, "message.sent", owner.orderId(), now, data);
        }

        @Override
        String endpoint(JsonObject endpoints, User user) {
            return endpoints.getString("order_tracking").replace("{order_id}", user.orderId());
        }

        @Override
        String keyOf(JsonObject frame) {
            return "partner_message".equals(frame.getString("type")) ? frame.getString("message_id") : null;
        }

        @Override
        String resumeIdOf(JsonObject frame) {
            return keyOf(frame);
        }

        @Override
        String resumeStartOf(JsonObject established) {
            return established.getString("last_message_id");
        }
    },

    /**
     * {@code earnings.credited} to each partner's {@code /ws/partner/}, one order id per credit; resumes with the
     * partner feed's {@code feed_id}, from {@code connection_established} until a frame came.
     */
    EARNINGS("partner earnings", "partner-service", Role.PARTNER, "partners",
            "SELECT count(*) FROM earnings_entries WHERE partner_id LIKE ?") {
        @Override
        JsonObject event(String key, User owner, Instant now) {
            JsonObject data = new JsonObject().put("partner_id", owner.id()).put("order_id", key)
                    .put("amount", "10.00").put("currency", "INR");
            return CloudEvents.envelope(key, SOURCE, "earnings.credited", owner.id(), now, data);
        }

        @Override
        String endpoint(JsonObject endpoints, User user) {
            return endpoints.getString("partner");
        }

        @Override
        String keyOf(JsonObject frame) {
            return "earnings_update".equals(frame.getString("type")) ? frame.getString("order_id") : null;
        }

        @Override
        String resumeIdOf(JsonObject frame) {
            return feedIdOf(frame);
        }

        @Override
        String resumeStartOf(JsonObject established) {
            return feedIdOf(established);
        }

        private static String feedIdOf(JsonObject frame) {
            Object feedId = frame.getValue("feed_id");
            return feedId == null ? null : feedId.toString();
        }
    };

    static final String SOURCE = "laundryconnect-fault-test";
    /** Where a notification carries its key: the {@code data} object its client gets back untouched. */
    static final String KEY_FIELD = "fault_key";

    private final String label;
    private final String service;
    private final Role role;
    private final String database;
    private final String storedQuery;

    Traffic(String label, String service, Role role, String database, String storedQuery) {
        this.label = label;
        this.service = service;
        this.role = role;
        this.database = database;
        this.storedQuery = storedQuery;
    }

    /** One user of a run; {@code orderId} and {@code partnerId} are the user's order and its partner (chat only). */
    record User(int index, String id, String orderId, String partnerId) {
    }

    /** Events published before the sessions open (the orders the chat runs on). */
    List<JsonObject> setUp(User user, Instant now) {
        return List.of();
    }

    abstract JsonObject event(String key, User owner, Instant now);

    /** The user's URL among token-service's {@code endpoints}. */
    abstract String endpoint(JsonObject endpoints, User user);

    /** The key of a frame that carries one of the run's events, else null. */
    abstract String keyOf(JsonObject frame);

    /** What a client passes as {@code since} after receiving this frame; null where the endpoint does not resume. */
    abstract String resumeIdOf(JsonObject frame);

    /** Where a client resumes from before any frame came, as {@code connection_established} says; null if it does not. */
    String resumeStartOf(JsonObject established) {
        return null;
    }

    String label() {
        return label;
    }

    /** The service whose sessions carry this traffic. */
    String service() {
        return service;
    }

    Role role() {
        return role;
    }

    String database() {
        return database;
    }

    /** Counts the rows stored for the users whose ids start with the query's one parameter, a LIKE prefix. */
    String storedQuery() {
        return storedQuery;
    }
}
