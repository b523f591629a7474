package com.laundryconnect.realtime.notification.ws;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Redis pub/sub keeps nothing for a subscriber that is away. A session whose live deliveries may have been lost is
 * closed with 1012, and resuming with {@code since} brings what it missed, once.
 */
@QuarkusTest
class FanoutGapTest {

    private static final int SERVICE_RESTART = 1012;

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Inject
    RedisDataSource redis;

    @Test
    void aLostSubscriptionClosesTheSessionAndResumingBringsWhatWasMissedOnce() {
        String userId = TestTokens.newUserId();
        long lastSeen;
        try (TestSocket live = connect(userId, "")) {
            assertEquals("connection_established", live.next().getString("type"));
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Before the gap"));
            lastSeen = live.next("notification").getJsonObject("notification").getLong("id");

            killThisReplicasSubscription();
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "During the gap"));

            await().atMost(TestSocket.WAIT).until(live::isClosed);
            assertEquals(SERVICE_RESTART, live.closeCode());
        }
        try (TestSocket resumed = connect(userId, "since=" + lastSeen + "&")) {
            assertEquals("connection_established", resumed.next().getString("type"));
            List<String> titles = new ArrayList<>();
            while (!titles.contains("During the gap")) {
                titles.add(resumed.next("notification").getJsonObject("notification").getString("title"));
            }
            titles.addAll(resumed.quietFor(Duration.ofMillis(500)).stream().map(JsonObject::new)
                    .filter(frame -> frame.getString("type").equals("notification"))
                    .map(frame -> frame.getJsonObject("notification").getString("title")).toList());
            assertEquals(List.of("During the gap"), titles);
        }
    }

    @Test
    void aGapAnnouncedByAnotherReplicaClosesTheKeysSessionsOnly() {
        String userId = TestTokens.newUserId();
        String otherUser = TestTokens.newUserId();
        try (TestSocket affected = connect(userId, ""); TestSocket unaffected = connect(otherUser, "")) {
            assertEquals("connection_established", affected.next().getString("type"));
            assertEquals("connection_established", unaffected.next().getString("type"));

            redis.execute("PUBLISH", "realtime:fanout:notification-service:user:" + userId, "gap");

            await().atMost(TestSocket.WAIT).until(affected::isClosed);
            assertEquals(SERVICE_RESTART, affected.closeCode());
            assertTrue(unaffected.quietFor(Duration.ofMillis(300)).isEmpty());
            assertFalse(unaffected.isClosed(), "a session of another user stays open");
        }
    }

    private TestSocket connect(String userId, String resume) {
        return TestSocket.connect(URI.create(endpoint + "?" + resume + "token=" + TestTokens.wsToken(userId)));
    }

    /** Drops the pub/sub connection of this replica (named by the fan-out) from the Redis side, as a restart would. */
    private void killThisReplicasSubscription() {
        String name = "realtime-fanout:notification-service:" + ProcessHandle.current().pid();
        String clients = redis.execute("CLIENT", "LIST", "TYPE", "pubsub").toString();
        String id = clients.lines().filter(line -> line.contains(" name=" + name + " "))
                .map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id="))))
                .findFirst().orElseThrow(() -> new AssertionError("no subscription named " + name + " in " + clients));
        redis.execute("CLIENT", "KILL", "ID", id);
    }
}
