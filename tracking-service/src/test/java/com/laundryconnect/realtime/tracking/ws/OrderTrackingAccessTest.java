package com.laundryconnect.realtime.tracking.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.tracking.push.OrderIds;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.Refusals.Refusal;
import com.laundryconnect.realtime.tracking.support.Refusals;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Who may open /ws/orders/{order_id}/ and what everyone else sees (contract 4, 6 and 11). */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class OrderTrackingAccessTest extends EndToEndTest {

    /** The configured realtime.tracking.order-wait, which every refusal takes. */
    private static final Duration ORDER_WAIT = Duration.ofSeconds(2);

    @Test
    void theCustomerGetsTheWholeOrderFirst() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = connect(order.id(), TestTokens.wsToken(order.customerId()))) {
            JsonObject established = nextOfType(socket, "connection_established");
            JsonObject view = established.getJsonObject("order");
            assertEquals(order.id(), view.getString("id"));
            assertEquals(order.number(), view.getString("order_number"));
            assertEquals("confirmed", view.getString("status"));
            assertEquals("Confirmed", view.getString("status_display"));
            assertEquals(new JsonObject().put("id", order.partnerId()).put("name", "Ravi Kumar"), view.getJsonObject("partner"));
            assertTrue(view.containsKey("eta") && view.getValue("eta") == null, view::encode);
            assertTrue(view.containsKey("last_location") && view.getValue("last_location") == null, view::encode);
            assertNotNull(Instant.parse(view.getString("updated_at")));
        }
    }

    @Test
    void anOrderWithoutPartnerHasANullPartner() {
        String orderId = newOrderId();
        String customerId = TestTokens.newUserId();
        TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(orderId, customerId, "pending", Instant.now()));
        awaitView(orderId, view -> true);
        try (TestSocket socket = connect(orderId, TestTokens.wsToken(customerId))) {
            JsonObject view = nextOfType(socket, "connection_established").getJsonObject("order");
            assertEquals("pending", view.getString("status"));
            assertEquals("Pending", view.getString("status_display"));
            assertTrue(view.containsKey("partner") && view.getValue("partner") == null, view::encode);
        }
    }

    @Test
    void thePathWorksWithAndWithoutTheTrailingSlash() {
        TestOrder order = assignedOrder();
        String token = TestTokens.wsToken(order.customerId());
        for (URI uri : List.of(ordersPath.resolve(order.id() + "/?token=" + token),
                ordersPath.resolve(order.id() + "?token=" + token))) {
            try (TestSocket socket = connect(uri)) {
                assertEquals(order.id(), nextOfType(socket, "connection_established").getJsonObject("order").getString("id"));
            }
        }
    }

    @Test
    void theAssignedPartnerAndStaffMayTrackTheOrder() {
        TestOrder order = assignedOrder();
        for (String token : List.of(TestTokens.partnerWsToken(order.partnerId()), TestTokens.staffWsToken(TestTokens.newUserId()))) {
            try (TestSocket socket = connect(order.id(), token)) {
                assertEquals(order.id(), nextOfType(socket, "connection_established").getJsonObject("order").getString("id"));
            }
        }
    }

    @Test
    void theTokenMayComeAsBearerSubprotocolOrBeAnAccessToken() {
        TestOrder order = assignedOrder();
        try (TestSocket socket = TestSocket.connect(ordersPath.resolve(order.id() + "/"), Map.of("Origin", ALLOWED_ORIGIN),
                List.of("bearer." + TestTokens.wsToken(order.customerId())))) {
            nextOfType(socket, "connection_established");
        }
        try (TestSocket socket = connect(order.id(), TestTokens.accessToken(order.customerId()))) {
            nextOfType(socket, "connection_established");
        }
    }

    @Test
    void withoutTokenTheClientGets4001() {
        TestOrder order = assignedOrder();
        Refusal refusal = refusal(ordersPath.resolve(order.id() + "/"));
        assertEquals(4001, refusal.error().getInteger("code"));
        assertEquals(4001, refusal.closeCode());
    }

    @Test
    void aBadOrExpiredTokenGets4001() {
        TestOrder order = assignedOrder();
        String expired = TestTokens.wsToken(order.customerId(), false, List.of(), Duration.ofMinutes(-5));
        String forged = TestTokens.accessToken(order.customerId()).replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");
        for (String token : List.of("not-a-jwt", expired, forged)) {
            Refusal refusal = refusal(trackingUri(order.id(), token));
            assertEquals(4001, refusal.error().getInteger("code"));
            assertEquals(4001, refusal.closeCode());
        }
    }

    @Test
    void aStrangerAndAnUnknownOrderAreRefusedAlikeAfterTheSameWait() {
        TestOrder order = assignedOrder();
        String stranger = TestTokens.wsToken(TestTokens.newUserId());
        Refusal forbidden = refusal(trackingUri(order.id(), stranger));
        Refusal unknown = refusal(trackingUri(newOrderId(), stranger));

        assertEquals(forbidden.error(), unknown.error());
        for (Refusal refusal : List.of(forbidden, unknown)) {
            assertEquals(4003, refusal.error().getInteger("code"));
            assertEquals(4003, refusal.closeCode());
            assertTrue(refusal.took().compareTo(ORDER_WAIT.minusMillis(100)) >= 0, () -> "refused after " + refusal.took());
            assertTrue(refusal.took().compareTo(ORDER_WAIT.plusMillis(1500)) < 0, () -> "refused after " + refusal.took());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%24b", "%C3%A9t%C3%A9", "a%20b", "a%00b", "a%0Ab", "a%2Fb", "a;b", "%27%20OR%201%3D1"})
    void malformedOrderIdsAreRefusedLikeUnknownOnes(String rawId) {
        Refusal refusal = refusal(ordersPath.resolve(rawId + "/?token=" + TestTokens.staffWsToken(TestTokens.newUserId())));
        assertEquals(new JsonObject().put("type", "error").put("code", 4003).put("message", OrderAdmission.REFUSAL),
                refusal.error());
        assertEquals(4003, refusal.closeCode());
    }

    @Test
    void anOverLongOrderIdIsRefusedLikeAnUnknownOne() {
        Refusal refusal = refusal(trackingUri("x".repeat(OrderIds.MAX_LENGTH + 1), TestTokens.staffWsToken(TestTokens.newUserId())));
        assertEquals(4003, refusal.error().getInteger("code"));
        assertEquals(4003, refusal.closeCode());
    }

    @Test
    void anOrderWhoseFirstEventArrivesWithinTheWaitIsServed() {
        // Once one order went through, the consumer is assigned its partitions: the 2 s below measure the service.
        assignedOrder();
        String orderId = newOrderId();
        String customerId = TestTokens.newUserId();
        try (TestSocket socket = connect(orderId, TestTokens.wsToken(customerId))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(orderId, customerId, "pending", Instant.now()));
            assertEquals(orderId, nextOfType(socket, "connection_established").getJsonObject("order").getString("id"));
        }
    }

    @Test
    void aPartnerAssignedWithinTheWaitIsServed() {
        TestOrder order = assignedOrder();
        String newPartner = TestTokens.newUserId();
        try (TestSocket socket = connect(order.id(), TestTokens.partnerWsToken(newPartner))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.assigned(order.id(), order.customerId(), newPartner, "Asha", Instant.now()));
            JsonObject view = nextOfType(socket, "connection_established").getJsonObject("order");
            assertEquals(new JsonObject().put("id", newPartner).put("name", "Asha"), view.getJsonObject("partner"));
        }
    }

    private Refusal refusal(URI uri) {
        Refusal refusal = Refusals.of(uri, Map.of("Origin", ALLOWED_ORIGIN));
        assertNotNull(refusal.error(), () -> "closed with " + refusal.closeCode() + " without an error message");
        assertEquals("error", refusal.error().getString("type"), refusal.error()::encode);
        return refusal;
    }
}
