package com.laundryconnect.realtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.CloseCodes;
import com.laundryconnect.realtime.session.testing.Replica;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

/** A rolling update's SIGTERM, on the packaged service: clients are told to go elsewhere, and nothing is lost. */
class ShutdownIT {

    /** What Kubernetes' grace period leaves after the preStop sleep (k8s/), and what Ctrl-C on dev/up waits for. */
    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(5);
    private static final int EVENTS = 300;

    @Test
    void sigtermClosesEverySessionWithGoingAwayAndExitsWithinTheBoundWhileEventsFlow() throws Exception {
        String userId = TestTokens.newUserId();
        Duration shutdown;
        try (Replica replica = Replica.start("shutdown").awaitReady();
             TestSocket socket = connect(replica, userId)) {
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "before the shutdown"));
            socket.next("notification");
            for (int i = 0; i < EVENTS - 1; i++) {
                TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "during the shutdown " + i));
            }
            shutdown = replica.terminate(Duration.ofSeconds(60));
            assertEquals(CloseCodes.GOING_AWAY, socket.closeCode(), "clients are told to reconnect elsewhere");
        }
        assertTrue(shutdown.compareTo(SHUTDOWN_BOUND) <= 0, "exited " + shutdown + " after SIGTERM");

        try (Replica next = Replica.start("after-shutdown").awaitReady()) {
            Awaitility.await("every event stored once").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> unreadCount(next, userId) == EVENTS);
        }
    }

    private static TestSocket connect(Replica replica, String userId) {
        TestSocket socket = TestSocket.connect(replica.uri("/ws/notifications/?token=" + TestTokens.wsToken(userId)));
        assertEquals("connection_established", socket.next().getString("type"));
        return socket;
    }

    private static int unreadCount(Replica replica, String userId) {
        try (TestSocket socket = TestSocket.connect(replica.uri("/ws/notifications/?token=" + TestTokens.wsToken(userId)))) {
            return socket.next().getInteger("unread_count");
        }
    }
}
