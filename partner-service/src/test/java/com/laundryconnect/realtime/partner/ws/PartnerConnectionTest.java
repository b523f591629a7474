package com.laundryconnect.realtime.partner.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Who may open /ws/partner/, what they get first, and the common session rules as a partner sees them. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class PartnerConnectionTest {

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @TestHTTPResource("/ws/partner")
    URI endpointWithoutSlash;

    @Test
    void aPartnerWithoutEarningsIsWelcomedWithZeroInTheDefaultCurrency() {
        String partnerId = TestTokens.newUserId();
        try (TestSocket socket = PartnerSockets.connect(endpoint, TestTokens.partnerWsToken(partnerId))) {
            JsonObject established = socket.next();
            assertEquals("connection_established", established.getString("type"));
            assertEquals(partnerId, established.getString("partner_id"));
            assertEquals("0.00", established.getString("total_earnings"));
            assertEquals("INR", established.getString("currency"));
            assertNotNull(established.getString("message"));
        }
    }

    @Test
    void thePathWorksWithoutTheTrailingSlash() {
        String partnerId = TestTokens.newUserId();
        try (TestSocket socket = PartnerSockets.connect(endpointWithoutSlash, TestTokens.partnerWsToken(partnerId))) {
            assertEquals("connection_established", socket.next().getString("type"));
        }
    }

    @Test
    void theTokenMayTravelAsABearerSubprotocol() {
        String protocol = "bearer." + TestTokens.partnerWsToken(TestTokens.newUserId());
        try (TestSocket socket = TestSocket.connect(endpoint, Map.of(), List.of(protocol))) {
            assertEquals("connection_established", socket.next().getString("type"));
            assertEquals(protocol, socket.subprotocol());
        }
    }

    @Test
    void aPartnerGroupClaimIsEnoughToBeAPartner() {
        try (TestSocket socket = PartnerSockets.connect(endpoint,
                TestTokens.wsToken(TestTokens.newUserId(), false, List.of("partner")))) {
            assertEquals("connection_established", socket.next().getString("type"));
        }
    }

    @Test
    void aPartnersAccessTokenIsAcceptedForTheGuidesReconnect() {
        try (TestSocket socket = PartnerSockets.connect(endpoint,
                TestTokens.accessToken(TestTokens.newUserId(), true, List.of()))) {
            assertEquals("connection_established", socket.next().getString("type"));
        }
    }

    @Test
    void noTokenIsRefusedWith4001() {
        try (TestSocket socket = TestSocket.connect(endpoint)) {
            assertRefused(socket, 4001);
        }
    }

    @Test
    void aBrokenTokenIsRefusedWith4001() {
        String token = TestTokens.partnerWsToken(TestTokens.newUserId());
        try (TestSocket socket = PartnerSockets.connect(endpoint, token.substring(0, token.length() - 4) + "AAAA")) {
            assertRefused(socket, 4001);
        }
    }

    @Test
    void aCustomerIsRefusedWith4003() {
        try (TestSocket socket = PartnerSockets.connect(endpoint,
                TestTokens.wsToken(TestTokens.newUserId(), false, List.of()))) {
            assertRefused(socket, 4003);
        }
    }

    @Test
    void staffWhoAreNotPartnersAreRefusedWith4003() {
        try (TestSocket socket = PartnerSockets.connect(endpoint,
                TestTokens.wsToken(TestTokens.newUserId(), false, List.of("staff")))) {
            assertRefused(socket, 4003);
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, TestTokens.newUserId())) {
            socket.send(new JsonObject().put("type", "ping").put("timestamp", "2026-01-02T10:00:00.000Z"));
            JsonObject pong = socket.next();
            assertEquals("pong", pong.getString("type"));
            assertEquals("2026-01-02T10:00:00.000Z", pong.getString("timestamp"));
            assertNotNull(OffsetDateTime.parse(pong.getString("server_time")));
        }
    }

    @Test
    void badInputGetsAnErrorAndTheConnectionStaysOpen() {
        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, TestTokens.newUserId())) {
            socket.send("{not json");
            assertError(socket, "Invalid JSON");
            socket.send("[1, 2]");
            assertError(socket, "Message must be a JSON object");
            socket.send("{\"order_id\": \"1\"}");
            assertError(socket, "Message type missing");
            socket.send("{\"type\": \"mark_read\"}");
            assertError(socket, "Unknown message type: mark_read");
            socket.sendBinary(new byte[] {1, 2, 3});
            assertError(socket, "Binary messages are not supported");

            socket.send(new JsonObject().put("type", "ping").put("timestamp", 1));
            assertEquals("pong", socket.next().getString("type"));
            assertFalse(socket.isClosed());
        }
    }

    @Test
    void aLocationUpdateWithoutItsFieldsIsAnsweredWithAnError() {
        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, TestTokens.newUserId())) {
            socket.send(new JsonObject().put("type", "location_update"));
            assertError(socket, "order_id is required");
            assertTrue(socket.quietFor(Duration.ofMillis(300)).isEmpty());
        }
    }

    private static void assertRefused(TestSocket socket, int code) {
        JsonObject error = socket.next();
        assertEquals("error", error.getString("type"));
        assertEquals(code, error.getInteger("code"));
        assertNotNull(error.getString("message"));
        assertEquals(code, socket.closeCode());
    }

    private static void assertError(TestSocket socket, String message) {
        JsonObject error = socket.next();
        assertEquals("error", error.getString("type"), error.encode());
        assertEquals(message, error.getString("message"));
    }
}
