package com.laundryconnect.realtime.faulttest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/** Each event's key comes back in the frame its user receives, as the services build those frames. */
class TrafficTest {

    private static final Traffic.User USER = new Traffic.User(3, "ft-run-u3", "ft-run-o3", "ft-run-p3");
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30.123Z");

    @Test
    void aNotificationCarriesItsKeyInDataAndResumesWithItsId() {
        JsonObject event = Traffic.NOTIFICATIONS.event("k1", USER, NOW);
        JsonObject frame = new JsonObject().put("type", "notification").put("notification", new JsonObject()
                .put("id", 1042).put("data", event.getJsonObject("data").getJsonObject("data")));

        assertEquals("k1", event.getString("id"));
        assertEquals("notification.requested", event.getString("type"));
        assertEquals("ft-run-u3", event.getJsonObject("data").getString("user_id"));
        assertEquals("k1", Traffic.NOTIFICATIONS.keyOf(frame));
        assertEquals("1042", Traffic.NOTIFICATIONS.resumeIdOf(frame));
        assertNull(Traffic.NOTIFICATIONS.keyOf(new JsonObject().put("type", "unread_count").put("count", 3)));
    }

    @Test
    void aPartnersChatMessageIsKeyedAndResumedByItsMessageId() {
        JsonObject event = Traffic.CHAT.event("k2", USER, NOW);
        JsonObject frame = new JsonObject().put("type", "partner_message").put("order_id", "ft-run-o3")
                .put("message_id", "k2");

        assertEquals("partner", event.getJsonObject("data").getString("sender_role"));
        assertEquals("ft-run-p3", event.getJsonObject("data").getString("sender_id"));
        assertEquals("ft-run-u3", event.getJsonObject("data").getString("recipient_id"));
        assertEquals("k2", Traffic.CHAT.keyOf(frame));
        assertEquals("k2", Traffic.CHAT.resumeIdOf(frame));
        assertEquals(2, Traffic.CHAT.setUp(USER, NOW).size());
    }

    @Test
    void anEarningsCreditIsKeyedByItsOrderIdAndResumesFromItsFeedPosition() {
        JsonObject event = Traffic.EARNINGS.event("k3", USER, NOW);
        JsonObject frame = new JsonObject().put("type", "earnings_update").put("order_id", "k3")
                .put("amount", "10.00").put("total", "20.00").put("currency", "INR").put("feed_id", 41);
        JsonObject established = new JsonObject().put("type", "connection_established").put("feed_id", 40);

        assertEquals("ft-run-u3", event.getJsonObject("data").getString("partner_id"));
        assertEquals("k3", Traffic.EARNINGS.keyOf(frame));
        assertEquals("41", Traffic.EARNINGS.resumeIdOf(frame));
        assertEquals("40", Traffic.EARNINGS.resumeStartOf(established));
        assertNull(Traffic.NOTIFICATIONS.resumeStartOf(established));
    }

    @Test
    void theTrackingEndpointIsTheGuidesUrlWithTheOrderIdFilledIn() {
        JsonObject endpoints = new JsonObject()
                .put("order_tracking", "ws://localhost:8000/ws/orders/{order_id}/?token=t");

        assertEquals("ws://localhost:8000/ws/orders/ft-run-o3/?token=t", Traffic.CHAT.endpoint(endpoints, USER));
    }
}
