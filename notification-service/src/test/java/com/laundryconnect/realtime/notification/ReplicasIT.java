package com.laundryconnect.realtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.Replica;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.vertx.core.json.JsonObject;

/** The packaged service as real replicas: delivery across replicas, and a crash in the middle of a stream of events. */
class ReplicasIT {

    private static TestSocket connect(Replica replica, String userId, String query) {
        TestSocket socket = TestSocket.connect(replica.uri("/ws/notifications/?" + query + "token=" + TestTokens.wsToken(userId)));
        JsonObject established = socket.next();
        assertEquals("connection_established", established.getString("type"));
        return socket;
    }

    @Test
    void anEventConsumedByOneReplicaReachesSessionsOnBoth() throws Exception {
        try (Replica a = Replica.start("a"); Replica b = Replica.start("b")) {
            a.awaitReady();
            b.awaitReady();
            String userId = TestTokens.newUserId();
            try (TestSocket onA = connect(a, userId, ""); TestSocket onB = connect(b, userId, "")) {
                List<String> titles = IntStream.range(0, 12).mapToObj(i -> "cross " + i).toList();
                for (String title : titles) {
                    TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, title));
                }
                for (TestSocket socket : List.of(onA, onB)) {
                    List<String> received = new ArrayList<>();
                    for (int i = 0; i < titles.size(); i++) {
                        received.add(socket.next("notification").getJsonObject("notification").getString("title"));
                    }
                    assertEquals(titles, received);
                }
            }
        }
    }

    @Test
    void aCrashLosesNothingAndDuplicatesNothing() throws Exception {
        String userId = TestTokens.newUserId();
        List<String> titles = IntStream.range(0, 80).mapToObj(i -> "crash " + i).toList();
        Set<String> received = new LinkedHashSet<>();
        long lastSeenId;
        Replica first = Replica.start("crash-1").awaitReady();
        try (TestSocket socket = connect(first, userId, "")) {
            for (int i = 0; i < 10; i++) {
                TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, titles.get(i)));
            }
            JsonObject notification = null;
            for (int i = 0; i < 10; i++) {
                notification = socket.next("notification").getJsonObject("notification");
                received.add(notification.getString("title"));
            }
            lastSeenId = notification.getLong("id");
            for (int i = 10; i < titles.size(); i++) {
                TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, titles.get(i)));
                if (i == 30) {
                    first.kill();
                }
            }
        } finally {
            first.close();
        }

        try (Replica second = Replica.start("crash-2").awaitReady()) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                try (TestSocket probe = TestSocket.connect(second.uri("/ws/notifications/?token=" + TestTokens.wsToken(userId)))) {
                    return probe.next().getInteger("unread_count") >= titles.size();
                }
            });
            // The replica that took the partitions over may close the resumed session with 1012 (its reads of what
            // the dead one had applied announce a gap), and the client resumes again, as the guide's client does.
            long since = lastSeenId;
            for (int resume = 0; resume < 3 && received.size() < titles.size(); resume++) {
                try (TestSocket resumed = connect(second, userId, "since=" + since + "&")) {
                    Optional<JsonObject> next;
                    while (received.size() < titles.size()
                            && (next = resumed.nextUnlessClosed("notification")).isPresent()) {
                        JsonObject notification = next.get().getJsonObject("notification");
                        assertTrue(received.add(notification.getString("title")),
                                "received twice: " + notification.getString("title"));
                        since = notification.getLong("id");
                    }
                    if (received.size() == titles.size()) {
                        assertEquals(List.of(), resumed.quietFor(Duration.ofMillis(500)).stream()
                                .filter(frame -> frame.contains("\"notification\"")).toList());
                    } else {
                        assertEquals(1012, resumed.closeCode(), "a resumed session closed before every notification");
                    }
                }
            }
            assertEquals(titles.size(), unreadCount(second, userId), "every event stored exactly once");
        }
        assertEquals(Set.copyOf(titles), received);
    }

    private static int unreadCount(Replica replica, String userId) {
        try (TestSocket socket = TestSocket.connect(replica.uri("/ws/notifications/?token=" + TestTokens.wsToken(userId)))) {
            return socket.next().getInteger("unread_count");
        }
    }
}
