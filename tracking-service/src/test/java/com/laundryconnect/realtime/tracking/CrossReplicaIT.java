package com.laundryconnect.realtime.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.tracking.support.Events;
import com.laundryconnect.realtime.tracking.support.KafkaTopics;
import com.laundryconnect.realtime.tracking.support.Tokens;

import io.vertx.core.json.JsonObject;

/**
 * Two replicas of the packaged service, in one consumer group, sharing PostgreSQL and Redis: whichever replica
 * consumes an event or receives a chat message, the order's sessions on both replicas get it.
 */
class CrossReplicaIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final List<Replica> REPLICAS = new ArrayList<>();

    private record Replica(Process process, int port, Path log) {
        URI tracking(String orderId, String token) {
            return URI.create("http://127.0.0.1:" + port + "/ws/orders/" + orderId + "/?token=" + token);
        }
    }

    @BeforeAll
    static void startTwoReplicas() throws IOException {
        KafkaTopics.ensureExist();
        REPLICAS.add(start("a"));
        REPLICAS.add(start("b"));
        for (Replica replica : REPLICAS) {
            awaitReady(replica);
        }
    }

    @AfterAll
    static void stopReplicas() {
        for (Replica replica : REPLICAS) {
            replica.process().destroy();
        }
        for (Replica replica : REPLICAS) {
            try {
                if (!replica.process().waitFor(30, TimeUnit.SECONDS)) {
                    replica.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                replica.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void statusLocationAndChatReachTheOrdersSessionsOnBothReplicas() {
        Replica a = REPLICAS.get(0);
        Replica b = REPLICAS.get(1);
        String orderId = UUID.randomUUID().toString();
        String customerId = Tokens.newUserId();
        String partnerId = Tokens.newUserId();
        Events.send(Topic.ORDERS, Events.orderCreated(orderId, customerId, "confirmed", Instant.now()));
        Events.send(Topic.ORDERS, Events.assigned(orderId, customerId, partnerId, "Ravi Kumar", Instant.now()));

        try (TestSocket customerOnA = established(a, orderId, Tokens.customer(customerId));
             TestSocket customerOnB = established(b, orderId, Tokens.customer(customerId));
             TestSocket partnerOnB = established(b, orderId, Tokens.partner(partnerId))) {
            Events.send(Topic.ORDERS, Events.statusChanged(orderId, customerId, partnerId, "picked_up", "confirmed",
                    Instant.now()));
            for (TestSocket socket : List.of(customerOnA, customerOnB, partnerOnB)) {
                assertEquals("picked_up", socket.next("order_update").getJsonObject("update").getString("status"));
            }

            Events.send(Topic.LOCATIONS, Events.location(orderId, partnerId, 12.9716, 77.5946, Instant.now()));
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
            TestSocket socket = TestSocket.connect(replica.tracking(orderId, token));
            if ("connection_established".equals(socket.next().getString("type"))) {
                return socket;
            }
            socket.close();
            return null;
        }, Objects::nonNull);
    }

    private static Replica start(String name) throws IOException {
        int port = freePort();
        Path log = Path.of(System.getProperty("tracking.replica.logs"), "replica-" + name + ".log");
        String jar = System.getProperty("tracking.app.jar");
        String jwks = System.getProperty("tracking.test.jwks");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                "-Drealtime.ws-token.jwks-location=" + new File(jwks).toURI(),
                "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new Replica(process, port, log);
    }

    private static void awaitReady(Replica replica) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("replica exited; see " + replica.log(), () -> !replica.process().isAlive())
                .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
