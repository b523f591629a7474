package com.laundryconnect.realtime.partner.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** order.assigned becomes new_order for the assigned partner, its details filled in as contract 11 says. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class NewOrderTest {

    private static final List<String> ORDER_FIELDS = List.of("id", "order_number", "customer_id", "pickup_address",
            "items_count", "total_amount", "currency", "scheduled_pickup", "created_at");

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @Test
    void anAssignedOrderReachesItsPartnerWithTheAssignmentsDetails() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId);
             TestSocket otherPartner = PartnerSockets.connectPartner(endpoint, TestTokens.newUserId())) {
            TestKafka.produce(TestEvents.assigned(new OrderAssigned(orderId, "LC-1042", "customer-7", partnerId, "Ravi",
                    "12 MG Road, Bengaluru", 5, new BigDecimal("480.00"), "INR",
                    OffsetDateTime.parse("2026-12-01T09:30:00+05:30"))));

            JsonObject message = partner.next();
            assertEquals("new_order", message.getString("type"));
            JsonObject order = message.getJsonObject("order");
            assertEquals(ORDER_FIELDS, List.copyOf(order.fieldNames()));
            assertEquals(orderId, order.getString("id"));
            assertEquals("LC-1042", order.getString("order_number"));
            assertEquals("customer-7", order.getString("customer_id"));
            assertEquals("12 MG Road, Bengaluru", order.getString("pickup_address"));
            assertEquals(5, order.getInteger("items_count"));
            assertEquals("480.00", order.getString("total_amount"));
            assertEquals("INR", order.getString("currency"));
            assertEquals("2026-12-01T04:00:00.000Z", order.getString("scheduled_pickup"));
            assertNull(order.getString("created_at"));
            assertTrue(otherPartner.quietFor(Duration.ofMillis(500)).isEmpty());
        }
    }

    @Test
    void detailsTheAssignmentLacksComeFromOrderCreated() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            CloudEvent created = TestEvents.at(TestEvents.created(orderId, "LC-2001", "customer-9",
                    "4 Park Street, Kolkata", 3, "249.50", "INR", OffsetDateTime.parse("2026-12-02T08:00:00Z")),
                    "2026-12-01T17:30:00.25+05:30");
            TestKafka.produce(created);
            TestKafka.produce(TestEvents.assigned(new OrderAssigned(orderId, "LC-2001", "customer-9", partnerId, "Ravi",
                    null, 4, null, null, null)));

            JsonObject order = partner.next("new_order").getJsonObject("order");
            assertEquals("4 Park Street, Kolkata", order.getString("pickup_address"));
            assertEquals(4, order.getInteger("items_count"), "the assignment's own value wins");
            assertEquals("249.50", order.getString("total_amount"));
            assertEquals("INR", order.getString("currency"));
            assertEquals("2026-12-02T08:00:00.000Z", order.getString("scheduled_pickup"));
            assertEquals("2026-12-01T12:00:00.250Z", order.getString("created_at"), "order.created's time, in UTC");
        }
    }

    @Test
    void detailsKnownNowhereArePresentAsNull() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            TestKafka.produce(TestEvents.assigned(orderId, partnerId));

            JsonObject order = partner.next("new_order").getJsonObject("order");
            assertEquals(ORDER_FIELDS, List.copyOf(order.fieldNames()));
            assertEquals(orderId, order.getString("id"));
            for (String field : List.of("pickup_address", "items_count", "total_amount", "currency",
                    "scheduled_pickup", "created_at")) {
                assertTrue(order.containsKey(field) && order.getValue(field) == null, field + " should be null");
            }
        }
    }

    @Test
    void aRedeliveredAssignmentIsPushedOnce() {
        String partnerId = TestTokens.newUserId();
        String firstOrder = UUID.randomUUID().toString();
        String secondOrder = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            CloudEvent assignment = TestEvents.assigned(firstOrder, partnerId);
            TestKafka.produce(assignment);
            assertEquals(firstOrder, partner.next("new_order").getJsonObject("order").getString("id"));

            TestKafka.produce(assignment);
            TestKafka.produce(TestEvents.assigned(secondOrder, partnerId));
            assertEquals(secondOrder, partner.next().getJsonObject("order").getString("id"));
        }
    }
}
