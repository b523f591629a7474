package com.laundryconnect.realtime.tracking.orders;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestEnvelopes;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;
import com.laundryconnect.realtime.tracking.store.OrderView;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.Metrics;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** laundry.orders.v1 through the projection to the tracking sockets (contract 6, 8 and 11). */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class OrderEventsTest extends EndToEndTest {

    @Test
    void aStatusChangeReachesEverySubscriberWithTheContractsDisplayText() {
        TestOrder order = assignedOrder();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()));
             TestSocket partner = established(order.id(), TestTokens.partnerWsToken(order.partnerId()))) {
            Instant time = TestEvents.nowWithMillis();
            JsonObject event = TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(), "picked_up",
                    "confirmed", time);
            event.getJsonObject("data").put("note", "Collected 3 bags");
            TestKafka.produce(Topic.ORDERS, event);

            JsonObject expected = new JsonObject()
                    .put("order_id", order.id()).put("order_number", order.number()).put("status", "picked_up")
                    .put("status_display", "Picked Up").put("previous_status", "confirmed")
                    .put("note", "Collected 3 bags").put("updated_at", time.toString());
            assertEquals(expected, nextOfType(customer, "order_update").getJsonObject("update"));
            assertEquals(expected, nextOfType(partner, "order_update").getJsonObject("update"));
        }
    }

    @Test
    void anEventsOwnStatusDisplayIsUsedAndAMissingNoteIsNull() {
        TestOrder order = assignedOrder();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            JsonObject event = TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(), "out_for_delivery",
                    "ready", Instant.now());
            event.getJsonObject("data").put("status_display", "On the way to you");
            TestKafka.produce(Topic.ORDERS, event);

            JsonObject update = nextOfType(customer, "order_update").getJsonObject("update");
            assertEquals("On the way to you", update.getString("status_display"));
            assertTrue(update.containsKey("note") && update.getValue("note") == null, update::encode);
        }
        try (TestSocket later = connect(order.id(), TestTokens.wsToken(order.customerId()))) {
            assertEquals("On the way to you",
                    nextOfType(later, "connection_established").getJsonObject("order").getString("status_display"));
        }
    }

    @Test
    void aRedeliveredEventIsAppliedAndPushedOnce() {
        TestOrder order = assignedOrder();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            JsonObject pickedUp = TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(), "picked_up",
                    "confirmed", Instant.now());
            TestKafka.produce(Topic.ORDERS, pickedUp);
            TestKafka.produce(Topic.ORDERS, pickedUp);
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "in_process", "picked_up", Instant.now().plusSeconds(1)));

            assertEquals("picked_up", nextOfType(customer, "order_update").getJsonObject("update").getString("status"));
            assertEquals("in_process", nextOfType(customer, "order_update").getJsonObject("update").getString("status"));
            assertEquals(List.of(), customer.quietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void anOlderStatusArrivingLateNeitherOverwritesNorIsPushed() {
        TestOrder order = assignedOrder();
        Instant now = Instant.now();
        double staleBefore = Metrics.value("tracking_events_dropped_total", "reason=\"stale\"");
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "out_for_delivery", "ready", now));
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "ready", "in_process", now.minusSeconds(60)));
            TestKafka.produce(Topic.ORDERS, TestEvents.etaUpdated(order.id(), now.plusSeconds(600), now));

            assertEquals("out_for_delivery", nextOfType(customer, "order_update").getJsonObject("update").getString("status"));
            nextOfType(customer, "eta_update");
        }
        awaitView(order.id(), view -> view.eta != null);
        try (TestSocket later = connect(order.id(), TestTokens.wsToken(order.customerId()))) {
            assertEquals("out_for_delivery",
                    nextOfType(later, "connection_established").getJsonObject("order").getString("status"));
        }
        assertTrue(Metrics.value("tracking_events_dropped_total", "reason=\"stale\"") > staleBefore);
    }

    @Test
    void withoutEventTimesTheStatusProgressionDecides() {
        TestOrder order = assignedOrder();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "in_process", "picked_up", null));
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "picked_up", "confirmed", null));
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "ready", "in_process", null));

            assertEquals("in_process", nextOfType(customer, "order_update").getJsonObject("update").getString("status"));
            assertEquals("ready", nextOfType(customer, "order_update").getJsonObject("update").getString("status"));
        }
    }

    @Test
    void aStatusChangeBeforeCreationMakesTheViewAndTheLateCreationDoesNotMoveItBack() {
        String orderId = newOrderId();
        String customerId = TestTokens.newUserId();
        String partnerId = TestTokens.newUserId();
        Instant now = Instant.now();
        TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(orderId, customerId, partnerId, "picked_up", "confirmed",
                now.minusSeconds(30)));
        awaitView(orderId, view -> true);
        try (TestSocket customer = established(orderId, TestTokens.wsToken(customerId))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(orderId, customerId, "pending", now));
            TestKafka.produce(Topic.ORDERS, TestEvents.etaUpdated(orderId, now.plusSeconds(900), now));
            nextOfType(customer, "eta_update");
        }
        try (TestSocket later = connect(orderId, TestTokens.wsToken(customerId))) {
            JsonObject view = nextOfType(later, "connection_established").getJsonObject("order");
            assertEquals("picked_up", view.getString("status"));
            assertEquals("Picked Up", view.getString("status_display"));
        }
    }

    @Test
    void anAssignmentBeforeCreationMakesTheViewWhichTheCreationCompletes() {
        String orderId = newOrderId();
        String customerId = TestTokens.newUserId();
        String partnerId = TestTokens.newUserId();
        TestKafka.produce(Topic.ORDERS, TestEvents.assigned(orderId, customerId, partnerId, "Ravi Kumar", Instant.now()));
        awaitView(orderId, view -> true);
        try (TestSocket partner = connect(orderId, TestTokens.partnerWsToken(partnerId))) {
            JsonObject view = nextOfType(partner, "connection_established").getJsonObject("order");
            assertEquals("pending", view.getString("status"));
            assertEquals(new JsonObject().put("id", partnerId).put("name", "Ravi Kumar"), view.getJsonObject("partner"));
        }
        TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(orderId, customerId, "confirmed", Instant.now()));
        awaitView(orderId, view -> view.status != null);
        try (TestSocket partner = connect(orderId, TestTokens.partnerWsToken(partnerId))) {
            JsonObject view = nextOfType(partner, "connection_established").getJsonObject("order");
            assertEquals("confirmed", view.getString("status"));
            assertEquals("Ravi Kumar", view.getJsonObject("partner").getString("name"));
        }
    }

    @Test
    void anOlderAssignmentDoesNotReplaceANewerOne() {
        TestOrder order = assignedOrder();
        String earlierPartner = TestTokens.newUserId();
        TestKafka.produce(Topic.ORDERS, TestEvents.assigned(order.id(), order.customerId(), earlierPartner, "Old",
                Instant.now().minusSeconds(3600)));
        TestKafka.produce(Topic.ORDERS, TestEvents.etaUpdated(order.id(), Instant.now().plusSeconds(60), Instant.now()));
        OrderView view = awaitView(order.id(), v -> v.eta != null);
        assertEquals(order.partnerId(), view.partnerId);
    }

    @Test
    void anEtaUpdateIsPushedAndShownToNewSubscribers() {
        TestOrder order = assignedOrder();
        Instant eta = TestEvents.nowWithMillis().plus(Duration.ofMinutes(25));
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.etaUpdated(order.id(), eta, Instant.now()));
            JsonObject update = nextOfType(customer, "eta_update");
            assertEquals(eta.toString(), update.getString("eta"));
            assertTrue(update.getInteger("eta_minutes") == 25 || update.getInteger("eta_minutes") == 24, update::encode);
        }
        try (TestSocket later = connect(order.id(), TestTokens.wsToken(order.customerId()))) {
            assertEquals(eta.toString(), nextOfType(later, "connection_established").getJsonObject("order").getString("eta"));
        }
    }

    @Test
    void anEtaForAnUnknownOrderIsDroppedAndCounted() {
        String orderId = newOrderId();
        double before = Metrics.value("tracking_events_dropped_total", "reason=\"unknown_order\"", "type=\"order.eta_updated\"");
        TestKafka.produce(Topic.ORDERS, TestEvents.etaUpdated(orderId, Instant.now().plusSeconds(600), Instant.now()));
        await().atMost(PROJECTED).until(() -> Metrics.value("tracking_events_dropped_total", "reason=\"unknown_order\"",
                "type=\"order.eta_updated\"") > before);
        assertFalse(views.find(orderId).isPresent());
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicUnknownTypesAreSkippedAndNeitherBlocksTheOrder() {
        TestOrder order = assignedOrder();
        double deadLetteredBefore = deadLettered();
        try (TopicTail dlq = TopicTail.ofDeadLetters(Topic.ORDERS);
             TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            JsonObject missingStatus = TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(), "ready",
                    "in_process", Instant.now());
            missingStatus.getJsonObject("data").remove("status");
            JsonObject unknownType = TestEnvelopes.envelope("order.refunded", order.id(), Instant.now(),
                    new JsonObject().put("order_id", order.id()));
            JsonObject lastMalformed = TestEvents.etaUpdated(order.id(), Instant.now(), Instant.now());
            lastMalformed.getJsonObject("data").put("eta", "tomorrow");

            TestKafka.produce(Topic.ORDERS.topicName(), order.id(), "{not json");
            TestKafka.produce(Topic.ORDERS, missingStatus);
            TestKafka.produce(Topic.ORDERS, unknownType);
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(),
                    "picked_up", "confirmed", Instant.now()));
            TestKafka.produce(Topic.ORDERS, lastMalformed);

            assertEquals("picked_up", nextOfType(customer, "order_update").getJsonObject("update").getString("status"));
            assertEquals("{not json", dlq.awaitRecords(record -> order.id().equals(record.key()), 1).get(0).value());
            dlq.await(event -> missingStatus.getString("id").equals(event.getString("id")));
            dlq.await(event -> lastMalformed.getString("id").equals(event.getString("id")));
            assertEquals(List.of(), dlq.seen(event -> unknownType.getString("id").equals(event.getString("id"))));
        }
        await().atMost(PROJECTED).until(() -> deadLettered() >= deadLetteredBefore + 3);
    }

    private static double deadLettered() {
        return Metrics.value("realtime_events_dead_lettered_total", "topic=\"laundry.orders.v1\"");
    }
}
