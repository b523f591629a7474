package com.laundryconnect.realtime.tracking.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.Metrics;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** The common session rules of contract 4 as they apply on /ws/orders/{order_id}/. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class TrackingSessionRulesTest extends EndToEndTest {

    @Test
    void pingIsAnsweredWithPongAndServerTime() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            socket.send(new JsonObject().put("type", "ping").put("timestamp", "2026-11-26T10:15:30.123Z"));
            JsonObject pong = nextOfType(socket, "pong");
            assertEquals("2026-11-26T10:15:30.123Z", pong.getString("timestamp"));
            assertNotNull(Instant.parse(pong.getString("server_time")));
        }
    }

    @Test
    void badTextFramesGetAnErrorAndTheConnectionStaysOpen() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            for (String frame : List.of("{not json", "[1,2]", "\"text\"", "{\"message\":\"no type\"}",
                    "{\"type\":\"mark_read\"}", "{\"type\":\"location_update\",\"latitude\":1,\"longitude\":2}",
                    "[".repeat(100) + "]".repeat(100))) {
                socket.send(frame);
                JsonObject error = nextOfType(socket, "error");
                assertNotNull(error.getString("message"), error::encode);
            }
            socket.send(new JsonObject().put("type", "ping").put("timestamp", 1));
            nextOfType(socket, "pong");
        }
    }

    @Test
    void aBinaryFrameGetsAnErrorAndTheConnectionStaysOpen() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            socket.sendBinary(new byte[] {1, 2, 3});
            assertEquals("Binary messages are not supported", nextOfType(socket, "error").getString("message"));
            socket.send(new JsonObject().put("type", "ping").put("timestamp", 1));
            nextOfType(socket, "pong");
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            socket.send(new JsonObject().put("type", "send_message").put("message", "x".repeat(70_000)));
            assertEquals(1009, socket.closeCode());
        }
    }

    @Test
    void aFloodOfMessagesIsRefusedAndThenClosedWith1008() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            for (int i = 0; i < 60; i++) {
                socket.send(new JsonObject().put("type", "ping").put("timestamp", i));
            }
            assertTrue(socket.next("error").getString("message").startsWith("Rate limit exceeded"));
            assertEquals(1008, socket.closeCode());
        }
    }

    @Test
    void anOpenSessionIsClosedWith4001WhenItsTokenExpires() {
        TestOrder order = assignedOrder();
        String shortLived = TestTokens.wsToken(order.customerId(), false, List.of(), Duration.ofSeconds(3));
        try (TestSocket socket = established(order.id(), shortLived)) {
            JsonObject error = socket.next("error");
            assertEquals(4001, error.getInteger("code"));
            assertEquals(4001, socket.closeCode());
        }
    }

    @Test
    void upgradesFromOriginsOutsideTheAllowlistAreRefusedAndClientsWithoutOriginAreNot() {
        TestOrder order = assignedOrder();
        String token = TestTokens.wsToken(order.customerId());
        assertEquals(403, TestSocket.rejectedUpgradeStatus(trackingUri(order.id(), token),
                Map.of("Origin", "https://evil.example")));
        try (TestSocket withoutOrigin = TestSocket.connect(trackingUri(order.id(), token))) {
            nextOfType(withoutOrigin, "connection_established");
        }
    }

    @Test
    void openConnectionsAndMessagesAreMeasuredPerEndpoint() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            socket.send(new JsonObject().put("type", "ping").put("timestamp", 1));
            nextOfType(socket, "pong");
            assertTrue(Metrics.value("realtime_ws_connections", "endpoint=\"orders\"") >= 1);
            assertTrue(Metrics.value("realtime_ws_messages_in_total", "endpoint=\"orders\"", "type=\"ping\"") >= 1);
            assertTrue(Metrics.value("realtime_ws_messages_out_total", "endpoint=\"orders\"") >= 2);
        }
    }
}
