package com.laundryconnect.realtime.partner;

import static com.laundryconnect.realtime.session.testing.TopicTail.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.Replica;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;

import io.vertx.core.json.JsonObject;

/**
 * Two replicas of the packaged service in one consumer group: whichever consumes an event, every session of the
 * partner gets it, and credits applied by both at once still add up exactly.
 */
class CrossReplicaIT {

    private static final List<Replica> REPLICAS = new ArrayList<>();
    private static Replica first;
    private static Replica second;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        TestKafka.ensureTopics();
        first = Replica.start("a");
        REPLICAS.add(first);
        second = Replica.start("b");
        REPLICAS.add(second);
        first.awaitReady();
        second.awaitReady();
        // Each replica runs realtime.kafka.consumers-per-channel (1) consumer for each of its topics (orders,
        // earnings, messages), all in the test profile's group.
        TestKafka.awaitStableGroup("partner-service-test", 2 * 3);
    }

    @AfterAll
    static void stopReplicas() {
        REPLICAS.forEach(Replica::close);
    }

    @Test
    void everyEventReachesThePartnersSessionsOnBothReplicas() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket onFirst = PartnerSockets.connectPartner(first.uri("/ws/partner/"), partnerId);
             TestSocket onSecond = PartnerSockets.connectPartner(second.uri("/ws/partner/"), partnerId)) {
            TestKafka.produce(TestEvents.credit(partnerId, orderId, "40.00", "INR"));
            TestKafka.produce(TestEvents.assigned(orderId, partnerId));
            TestKafka.produce(TestEvents.message(orderId, "customer-1", SenderRole.CUSTOMER, partnerId, "Gate code 4711"));

            for (TestSocket socket : List.of(onFirst, onSecond)) {
                // Three topics: their events may arrive in any order.
                Map<String, JsonObject> byType = new HashMap<>();
                for (int i = 0; i < 3; i++) {
                    JsonObject message = socket.next();
                    byType.put(message.getString("type"), message);
                }
                assertEquals("40.00", byType.get("earnings_update").getString("total"));
                assertEquals(orderId, byType.get("new_order").getJsonObject("order").getString("id"));
                assertEquals("Gate code 4711", byType.get("customer_message").getString("message"));
            }
        }
    }

    @Test
    void creditsAppliedByBothReplicasAtOnceAddUpExactly() throws Exception {
        String partnerId = TestTokens.newUserId();
        Random random = new Random();
        List<CloudEvent> distinct = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 50; i++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(50_000), 2);
            distinct.add(TestEvents.credit(partnerId, "order-" + i, amount.toPlainString(), "INR"));
            expected = expected.add(amount);
        }
        List<CloudEvent> produced = new ArrayList<>(distinct);
        for (int i = 0; i < 15; i++) {
            produced.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(produced);

        try (TestSocket onFirst = PartnerSockets.connectPartner(first.uri("/ws/partner/"), partnerId);
             TestSocket onSecond = PartnerSockets.connectPartner(second.uri("/ws/partner/"), partnerId)) {
            // Spread over every partition, so both replicas' consumers credit this partner at the same time.
            ExecutorService producers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < produced.size(); i++) {
                    CloudEvent event = produced.get(i);
                    int partition = i % TestKafka.PARTITIONS;
                    sends.add(producers.submit(() -> TestKafka.produce(event, partition)));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            } finally {
                producers.shutdown();
            }

            for (TestSocket socket : List.of(onFirst, onSecond)) {
                Set<String> totals = new HashSet<>();
                BigDecimal highest = BigDecimal.ZERO;
                for (int i = 0; i < distinct.size(); i++) {
                    BigDecimal total = new BigDecimal(socket.next("earnings_update").getString("total"));
                    totals.add(total.toPlainString());
                    highest = highest.max(total);
                }
                assertEquals(distinct.size(), totals.size(), "every credit saw its own running total");
                assertEquals(0, expected.compareTo(highest), "expected " + expected + ", got " + highest);
            }
            assertTrue(onFirst.quietFor(Duration.ofSeconds(1)).isEmpty(), "a duplicate was pushed");
        }
        try (TestSocket reconnected = PartnerSockets.connect(second.uri("/ws/partner/"), TestTokens.partnerWsToken(partnerId))) {
            JsonObject established = reconnected.next();
            assertEquals(expected.setScale(2).toPlainString(), established.getString("total_earnings"));
        }
    }

    @Test
    void eitherReplicaAcceptsALocationUpdateForAnOrderTheGroupAssigned() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TopicTail locations = TopicTail.of(Topic.LOCATIONS);
             TestSocket onFirst = PartnerSockets.connectPartner(first.uri("/ws/partner/"), partnerId);
             TestSocket onSecond = PartnerSockets.connectPartner(second.uri("/ws/partner/"), partnerId)) {
            TestKafka.produce(TestEvents.assigned(orderId, partnerId));
            onFirst.next("new_order");
            onSecond.next("new_order");

            onFirst.send(location(orderId, 12.5));
            onSecond.send(location(orderId, 13.5));
            Set<Double> latitudes = new HashSet<>();
            locations.awaitRecords(keyed(orderId), 2).forEach(record -> latitudes.add(
                    new JsonObject(record.value()).getJsonObject("data").getDouble("latitude")));
            assertEquals(Set.of(12.5, 13.5), latitudes);
        }
    }

    private static JsonObject location(String orderId, double latitude) {
        return new JsonObject().put("type", "location_update").put("order_id", orderId)
                .put("latitude", latitude).put("longitude", 77.6);
    }
}
