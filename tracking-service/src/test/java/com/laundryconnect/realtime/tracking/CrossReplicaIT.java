package com.laundryconnect.realtime.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.Replica;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.vertx.core.json.JsonObject;

/**
 * Two replicas of the packaged service, in one consumer group, sharing PostgreSQL and Redis: whichever replica
 * consumes an event or receives a chat message, the order's sessions on both replicas get it.
 */
class CrossReplicaIT {

    private static final List<Replica> REPLICAS = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        TestKafka.ensureTopics();
        REPLICAS.add(Replica.start("a"));
        REPLICAS.add(Replica.start("b"));
        for (Replica replica : REPLICAS) {
            replica.awaitReady();
        }
    }

    @AfterAll
    static void stopReplicas() {
        REPLICAS.forEach(Replica::close);
    }

    @Test
    void statusLocationAndChatReachTheOrdersSessionsOnBothReplicas() {
        Replica a = REPLICAS.get(0);
        Replica b = REPLICAS.get(1);
        String orderId = UUID.randomUUID().toString();
        String customerId = TestTokens.newUserId();
        String partnerId = TestTokens.newUserId();
        TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(orderId, customerId, "confirmed", Instant.now()));
        TestKafka.produce(Topic.ORDERS, TestEvents.assigned(orderId, customerId, partnerId, "Ravi Kumar", Instant.now()));

        try (TestSocket customerOnA = established(a, orderId, TestTokens.wsToken(customerId));
             TestSocket customerOnB = established(b, orderId, TestTokens.wsToken(customerId));
             TestSocket partnerOnB = established(b, orderId, TestTokens.partnerWsToken(partnerId))) {
            TestKafka.produce(Topic.ORDERS, TestEvents.statusChanged(orderId, customerId, partnerId, "picked_up", "confirmed",
                    Instant.now()));
            for (TestSocket socket : List.of(customerOnA, customerOnB, partnerOnB)) {
                assertEquals("picked_up", socket.next("order_update").getJsonObject("update").getString("status"));
            }

            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(orderId, partnerId, 12.9716, 77.5946, Instant.now()));
            for (TestSocket socket : List.of(customerOnA, customerOnB, partnerOnB)) {
                assertEquals(12.9716, socket.next("location").getDouble("latitude"));
            }

            partnerOnB.send(new JsonObject().put("type", "partner_reply").put("message", "At your door"));
            JsonObject answer = partnerOnB.next("message_sent");
            assertEquals(true, answer.getBoolean("success"));
            for (TestSocket customer : List.of(customerOnA, customerOnB)) {
                JsonObject delivered = customer.next("partner_message");
                assertEquals(List.of(answer.getString("message_id"), "At your door"),
                        List.of(delivered.getString("message_id"), delivered.getString("message")));
            }
        }
    }

    /** Connects once the replica knows the order; until the projection has it, a connection is refused with 4003. */
    private static TestSocket established(Replica replica, String orderId, String token) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            TestSocket socket = TestSocket.connect(replica.uri("/ws/orders/" + orderId + "/?token=" + token));
            if ("connection_established".equals(socket.next().getString("type"))) {
                return socket;
            }
            socket.close();
            return null;
        }, Objects::nonNull);
    }
}
