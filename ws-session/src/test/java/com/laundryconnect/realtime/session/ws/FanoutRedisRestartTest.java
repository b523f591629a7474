package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * The fan-out across Redis restarts (readiness, gaps), against a Redis server of its own (redis-server on a free
 * port), which this test may stop without disturbing anything else that uses Redis on the machine.
 */
class FanoutRedisRestartTest {

    private final Vertx vertx = Vertx.vertx();
    private Process redisServer;
    private Path redisDir;
    private int redisPort;
    private ClusterFanout fanout;

    @Test
    void downWhileTheSubscriptionConnectionIsLostAndUpOnceItIsBack() throws Exception {
        fanout = fanoutOnOwnRedis();
        FanoutReadiness readiness = new FanoutReadiness(fanout);
        assertEquals(Status.DOWN, readiness.call().getStatus(), "not ready before the subscription exists");

        fanout.start((routingKey, messages) -> {
        }, new RecordedGaps());
        awaitStatus(readiness, Status.UP);

        stopRedis();
        awaitStatus(readiness, Status.DOWN);

        redisServer = startRedis(redisPort, redisDir);
        awaitStatus(readiness, Status.UP);
        assertEquals(FanoutReadiness.NAME, readiness.call().getName());
    }

    @Test
    void aRestartIsReportedAsAGapOfEveryKeyHeldAndAPublishMeanwhileFails() throws Exception {
        fanout = fanoutOnOwnRedis();
        RecordedGaps recorded = new RecordedGaps();
        List<Set<String>> gaps = recorded.gaps;
        fanout.start((routingKey, messages) -> {
        }, recorded);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(fanout::subscribed);
        fanout.hold("user:held").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        stopRedis();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !fanout.subscribed());
        assertTrue(recorded.lost.get() > 0, "the loss is told at once, before the subscription is back");
        assertThrows(IllegalStateException.class, () -> fanout.publish(Map.of("user:held", List.of("{}"))));
        redisServer = startRedis(redisPort, redisDir);

        Awaitility.await("the gap of the lost subscription").atMost(Duration.ofSeconds(20))
                .until(() -> gaps.contains(Set.of("user:held")));
        assertEquals(List.of(), gaps.stream().filter(keys -> !keys.equals(Set.of("user:held"))).toList(),
                "only the key held was reported");
    }

    private static final class RecordedGaps implements ClusterFanout.GapListener {
        final List<Set<String>> gaps = new CopyOnWriteArrayList<>();
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public void subscriptionLost() {
            lost.incrementAndGet();
        }

        @Override
        public void gap(Set<String> routingKeys, long sinceNanos) {
            gaps.add(routingKeys);
        }
    }

    private ClusterFanout fanoutOnOwnRedis() throws IOException {
        redisPort = freePort();
        redisDir = Files.createTempDirectory("fanout-redis");
        redisServer = startRedis(redisPort, redisDir);
        return new ClusterFanout(Redis.createClient(vertx, "redis://127.0.0.1:" + redisPort), vertx,
                new SimpleMeterRegistry(), "restart-test");
    }

    private void stopRedis() throws InterruptedException {
        redisServer.destroy();
        redisServer.waitFor(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (fanout != null) {
            fanout.stop();
        }
        if (redisServer != null) {
            redisServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        vertx.close();
    }

    private static void awaitStatus(FanoutReadiness readiness, Status expected) {
        Awaitility.await("fan-out readiness " + expected).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> readiness.call().getStatus() == expected);
    }

    private static Process startRedis(int port, Path dir) throws IOException {
        return new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
