package com.laundryconnect.realtime.notification.ws;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.StalledClient;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** Contract 4: a client whose outbound queue passes its bound is closed with 1013 (a small bound, to reach it here). */
@QuarkusTest
@TestProfile(SlowClientTest.SmallOutboundBound.class)
class SlowClientTest {

    public static class SmallOutboundBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("realtime.ws.outbound-queue-limit", "20");
        }
    }

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Test
    void aClientThatStopsReadingIsClosedWith1013AndLosesNothing() throws Exception {
        String userId = TestTokens.newUserId();
        double closedBefore = slowClientCloses();
        try (StalledClient stalled = StalledClient.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(userId)))) {
            for (int i = 0; i < 200; i++) {
                JsonObject event = NotificationEvents.requested(userId, "bulk " + i);
                event.getJsonObject("data").getJsonObject("data").put("bulk", incompressible(60_000));
                TestKafka.produce(Topic.NOTIFICATIONS, event);
            }
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> slowClientCloses() > closedBefore);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unreadCount(userId) == 200);
    }

    private int unreadCount(String userId) {
        try (TestSocket socket = TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(userId)))) {
            return socket.next().getInteger("unread_count");
        }
    }

    /** Random text, so that per-message compression cannot shrink what backs up. */
    private static String incompressible(int length) {
        byte[] random = new byte[length * 3 / 4];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static double slowClientCloses() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("realtime_ws_closes_total") && line.contains("code=\"1013\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
