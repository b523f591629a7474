package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * The fan-out readiness against a Redis server of its own (redis-server on a free port), which this test may stop
 * without disturbing anything else that uses Redis on the machine.
 */
class FanoutReadinessTest {

    private final Vertx vertx = Vertx.vertx();
    private Process redisServer;
    private ClusterFanout fanout;

    @Test
    void downWhileTheSubscriptionConnectionIsLostAndUpOnceItIsBack() throws Exception {
        int port = freePort();
        Path dir = Files.createTempDirectory("fanout-readiness");
        redisServer = startRedis(port, dir);
        fanout = new ClusterFanout(Redis.createClient(vertx, "redis://127.0.0.1:" + port), vertx,
                new SimpleMeterRegistry(), "readiness-test");
        FanoutReadiness readiness = new FanoutReadiness(fanout);
        assertEquals(Status.DOWN, readiness.call().getStatus(), "not ready before the subscription exists");

        fanout.start((routingKey, messages) -> {
        });
        awaitStatus(readiness, Status.UP);

        redisServer.destroy();
        redisServer.waitFor(10, TimeUnit.SECONDS);
        awaitStatus(readiness, Status.DOWN);

        redisServer = startRedis(port, dir);
        awaitStatus(readiness, Status.UP);
        assertEquals(FanoutReadiness.NAME, readiness.call().getName());
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
