package com.laundryconnect.realtime.notification.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * Contract 4: a connection silent for the idle timeout is dropped with 1001, so the client reconnects. The timeout is
 * 90 s in production and 2 s here; the server looks for silent connections every 5 s.
 */
@QuarkusTest
@TestProfile(IdleSessionTest.ShortIdleTimeout.class)
class IdleSessionTest {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(12);

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("realtime.ws.idle-timeout", "2s");
        }
    }

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Test
    void aSilentConnectionIsDroppedWith1001WhileOneThatPingsStaysOpen() throws InterruptedException {
        try (TestSocket silent = connect(); TestSocket talking = connect()) {
            long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
            while (!silent.isClosed() && System.nanoTime() < deadline) {
                talking.send(new JsonObject().put("type", "ping").put("timestamp", System.currentTimeMillis()));
                talking.next("pong");
                Thread.sleep(500);
            }
            assertEquals(1001, silent.closeCode());
            assertFalse(talking.isClosed(), "a connection that keeps talking is not idle");
        }
    }

    private TestSocket connect() {
        TestSocket socket = TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(TestTokens.newUserId())));
        assertEquals("connection_established", socket.next().getString("type"));
        return socket;
    }
}
