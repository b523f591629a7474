package com.laundryconnect.realtime.notification.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.store.NewNotification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.intake.TakeOvers;
import com.laundryconnect.realtime.session.testing.PartitionReads;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A replica that dies between its commit and its Redis publish leaves a notification stored but never pushed; the
 * replica that takes its partition over reads the event again and finds it applied. The sessions of its user are
 * closed with 1012 then, so the client resumes and gets it; a producer's retry appended while this replica holds the
 * partition closes nothing. The records are handed to the intake as the Kafka connector would, on a partition no
 * consumer of the test reads.
 */
@QuarkusTest
class ReadAgainAfterTakeOverTest {

    private static final int SERVICE_RESTART = 1012;
    private static final Duration QUIET = Duration.ofSeconds(2);

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Inject
    EventIntake intake;

    @Inject
    TakeOvers takeOvers;

    @Inject
    NotificationIntake notifications;

    @Inject
    NotificationStore store;

    @Test
    void aNotificationStoredButNeverPushedReachesTheClientAfterItsPartitionIsTakenOver() throws Exception {
        String userId = TestTokens.newUserId();
        JsonObject event = NotificationEvents.requested(userId, "Stored by a replica that died");
        long startedAt;
        try (TestSocket session = connect(userId, "")) {
            startedAt = session.next().getLong("last_notification_id");
            storedByTheReplicaThatDied(event);
            PartitionReads.assign(takeOvers, Topic.NOTIFICATIONS, 7, 41);

            readByThisReplica(event, 7, 40);

            assertEquals(SERVICE_RESTART, session.closeCode());
        }
        try (TestSocket resumed = connect(userId, "since=" + startedAt + "&")) {
            assertEquals("connection_established", resumed.next().getString("type"));
            assertEquals("Stored by a replica that died",
                    resumed.next("notification").getJsonObject("notification").getString("title"));
        }
    }

    @Test
    void aProducersRetryAppendedWhileThisReplicaHoldsThePartitionClosesNothing() throws Exception {
        String userId = TestTokens.newUserId();
        JsonObject event = NotificationEvents.requested(userId, "Sent twice by its producer");
        PartitionReads.assign(takeOvers, Topic.NOTIFICATIONS, 8, 10);
        readByThisReplica(event, 8, 10);
        try (TestSocket session = connect(userId, "")) {
            session.next();

            readByThisReplica(event, 8, 11);

            assertEquals(List.of(), session.quietFor(QUIET));
            assertFalse(session.isClosed());
        }
    }

    private TestSocket connect(String userId, String resume) {
        return TestSocket.connect(URI.create(endpoint + "?" + resume + "token=" + TestTokens.wsToken(userId)));
    }

    private void storedByTheReplicaThatDied(JsonObject event) {
        JsonObject data = event.getJsonObject("data");
        store.storeOnce(List.of(new NewNotification(event.getString("id"), data.getString("user_id"),
                data.getString("title"), data.getString("message"), data.getString("notification_type"), Map.of())));
    }

    private void readByThisReplica(JsonObject event, int partition, long offset) throws Exception {
        PartitionReads.read(intake, Topic.NOTIFICATIONS, notifications::apply, event, partition, offset);
    }
}
