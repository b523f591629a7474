package com.laundryconnect.realtime.partner.ws;

import static com.laundryconnect.realtime.session.testing.TopicTail.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.partner.store.OrderViews;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A partner's location_update for an order assigned to them is published as location.reported on
 * laundry.locations.v1 and answered with nothing; anything else is answered with an error and publishes nothing.
 */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class LocationUpdateTest {

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @Inject
    OrderViews orders;

    private TopicTail locations;

    @BeforeEach
    void readLocations() {
        locations = TopicTail.of(Topic.LOCATIONS);
    }

    @AfterEach
    void stopReading() {
        locations.close();
    }

    @Test
    void anUpdateForAnAssignedOrderIsPublishedAndNotAnswered() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            assign(partner, orderId, partnerId);

            OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
            partner.send(location(orderId, 12.9716, 77.5946).put("heading", 90.5).put("speed", 8.25));
            ConsumerRecord<String, String> record = locations.awaitRecords(keyed(orderId), 1).get(0);

            JsonNode event = EventCodec.readTree(record.value());
            assertEquals("location.reported", event.get("type").asText());
            assertEquals(orderId, event.get("subject").asText());
            JsonNode data = event.get("data");
            assertEquals(orderId, data.get("order_id").asText());
            assertEquals(partnerId, data.get("partner_id").asText());
            assertEquals(12.9716, data.get("latitude").asDouble());
            assertEquals(77.5946, data.get("longitude").asDouble());
            assertEquals(90.5, data.get("heading").asDouble());
            assertEquals(8.25, data.get("speed").asDouble());
            OffsetDateTime recordedAt = OffsetDateTime.parse(data.get("recorded_at").asText());
            assertTrue(recordedAt.isAfter(before) && recordedAt.isBefore(OffsetDateTime.now().plusSeconds(1)),
                    "the server's receive time: " + recordedAt);
            assertTrue(partner.quietFor(Duration.ofMillis(500)).isEmpty(), "an accepted update gets no answer");
        }
    }

    @Test
    void theClientsRecordedAtIsKept() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            assign(partner, orderId, partnerId);

            partner.send(location(orderId, -33.8688, 151.2093).put("recorded_at", "2026-11-26T15:45:10.250+05:30"));
            JsonNode data = EventCodec.readTree(locations.awaitRecords(keyed(orderId), 1).get(0).value()).get("data");
            assertTrue(OffsetDateTime.parse("2026-11-26T15:45:10.250+05:30")
                    .isEqual(OffsetDateTime.parse(data.get("recorded_at").asText())));
            assertNull(data.get("heading"));
        }
    }

    @Test
    void anUpdateForAnOrderNotAssignedToThePartnerIsRefusedAndNotPublished() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            partner.send(location(orderId, 10, 10));
            assertError(partner, "Order not found or not assigned to you");

            String otherPartnerId = TestTokens.newUserId();
            TestKafka.produce(TestEvents.assigned(orderId, otherPartnerId));
            Awaitility.await().until(() -> orders.isAssignedTo(orderId, otherPartnerId));
            partner.send(location(orderId, 11, 11));
            assertError(partner, "Order not found or not assigned to you");

            assign(partner, orderId, partnerId);
            partner.send(location(orderId, 12, 12));
            assertOnlyPublished(orderId, 12);
        }
    }

    @Test
    void badCoordinatesAndFieldsAreRefusedAndNotPublished() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            assign(partner, orderId, partnerId);

            partner.send(location(orderId, 90.5, 10));
            assertError(partner, "latitude must be a number between -90 and 90");
            partner.send(location(orderId, 10, -180.01));
            assertError(partner, "longitude must be a number between -180 and 180");
            partner.send(new JsonObject().put("type", "location_update").put("order_id", orderId)
                    .put("latitude", "12.5").put("longitude", 10));
            assertError(partner, "latitude must be a number between -90 and 90");
            partner.send(new JsonObject().put("type", "location_update").put("order_id", orderId).put("longitude", 10));
            assertError(partner, "latitude must be a number between -90 and 90");
            partner.send(location(orderId, 10, 10).put("speed", "fast"));
            assertError(partner, "speed must be a number");
            partner.send(location(orderId, 10, 10).put("recorded_at", "yesterday"));
            assertError(partner, "recorded_at must be an ISO-8601 timestamp with offset");

            partner.send(location(orderId, 45, 90));
            assertOnlyPublished(orderId, 45);
        }
    }

    @Test
    void aDeliveredOrReassignedOrderTakesNoMoreUpdatesFromThePartner() {
        String partnerId = TestTokens.newUserId();
        String deliveredOrder = UUID.randomUUID().toString();
        String reassignedOrder = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            assign(partner, deliveredOrder, partnerId);
            assign(partner, reassignedOrder, partnerId);

            TestKafka.produce(TestEvents.statusChanged(deliveredOrder, partnerId, OrderStatus.DELIVERED,
                    OrderStatus.OUT_FOR_DELIVERY));
            TestKafka.produce(TestEvents.assigned(reassignedOrder, TestTokens.newUserId()));
            Awaitility.await().until(() -> !orders.isAssignedTo(deliveredOrder, partnerId)
                    && !orders.isAssignedTo(reassignedOrder, partnerId));

            partner.send(location(deliveredOrder, 10, 10));
            assertError(partner, "Order not found or not assigned to you");
            partner.send(location(reassignedOrder, 10, 10));
            assertError(partner, "Order not found or not assigned to you");
            assertTrue(locations.readFor(Duration.ofSeconds(1), keyed(deliveredOrder)).isEmpty());
            assertTrue(locations.records(keyed(reassignedOrder)).isEmpty());
        }
    }

    @Test
    void aStatusChangeBeforeDeliveryKeepsTheOrderWithItsPartner() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            TestKafka.produce(TestEvents.statusChanged(orderId, partnerId, OrderStatus.PICKED_UP, OrderStatus.CONFIRMED));
            Awaitility.await().until(() -> orders.isAssignedTo(orderId, partnerId));

            partner.send(location(orderId, 20, 30));
            assertOnlyPublished(orderId, 20);
        }
    }

    /** Assigns the order and waits until the partner was told, so the assignment is applied. */
    private static void assign(TestSocket partner, String orderId, String partnerId) {
        TestKafka.produce(TestEvents.assigned(orderId, partnerId));
        assertEquals(orderId, partner.next("new_order").getJsonObject("order").getString("id"));
    }

    private void assertOnlyPublished(String orderId, double latitude) {
        locations.awaitRecords(keyed(orderId), 1);
        List<ConsumerRecord<String, String>> published = locations.readFor(Duration.ofMillis(500), keyed(orderId));
        assertEquals(1, published.size(), "published for " + orderId + ": " + published);
        assertEquals(latitude, EventCodec.readTree(published.get(0).value()).get("data").get("latitude").asDouble());
    }

    private static JsonObject location(String orderId, double latitude, double longitude) {
        return new JsonObject().put("type", "location_update").put("order_id", orderId)
                .put("latitude", latitude).put("longitude", longitude);
    }

    private static void assertError(TestSocket socket, String message) {
        JsonObject error = socket.next();
        assertEquals("error", error.getString("type"), error.encode());
        assertEquals(message, error.getString("message"));
    }
}
