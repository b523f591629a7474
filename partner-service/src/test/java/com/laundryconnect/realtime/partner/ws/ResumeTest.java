package com.laundryconnect.realtime.partner.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.partner.store.PartnerFeed;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A partner that reconnects with {@code ?since=<feed_id>} gets every new_order, earnings_update and customer_message
 * pushed while it was away, in order and once. A second session of the partner that stays connected throughout is
 * the witness of what was pushed.
 */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class ResumeTest {

    private static final Duration QUIET = Duration.ofSeconds(1);

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @ConfigProperty(name = "realtime.partner.feed.replay-limit")
    int replayLimit;

    @Inject
    PartnerFeed feed;

    @Inject
    EntityManager entityManager;

    @Test
    void everyFrameCarriesAHigherFeedIdAndANewSessionStartsAfterTheLatest() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket socket = PartnerSockets.connect(endpoint, TestTokens.partnerWsToken(partnerId))) {
            JsonObject established = socket.next();
            assertEquals("connection_established", established.getString("type"));
            assertEquals(0L, established.getLong("feed_id"), "a partner without frames starts at 0");

            List<JsonObject> frames = new ArrayList<>();
            TestKafka.produce(TestEvents.assigned(orderId, partnerId));
            frames.add(socket.next());
            TestKafka.produce(TestEvents.credit(partnerId, orderId, "80.00", "INR"));
            frames.add(socket.next());
            TestKafka.produce(TestEvents.message(orderId, "customer-1", SenderRole.CUSTOMER, partnerId, "at the gate"));
            frames.add(socket.next());

            assertEquals(List.of("new_order", "earnings_update", "customer_message"),
                    frames.stream().map(frame -> frame.getString("type")).toList());
            assertTrue(frames.get(0).getLong("feed_id") > 0);
            assertTrue(frames.get(1).getLong("feed_id") > frames.get(0).getLong("feed_id"));
            assertTrue(frames.get(2).getLong("feed_id") > frames.get(1).getLong("feed_id"));
        }
        try (TestSocket reconnected = PartnerSockets.connect(endpoint, TestTokens.partnerWsToken(partnerId))) {
            JsonObject established = reconnected.next();
            assertEquals("80.00", established.getString("total_earnings"));
            assertEquals(latestFeedId(partnerId), established.getLong("feed_id"));
            assertTrue(reconnected.quietFor(QUIET).isEmpty(), "a session without since got history");
        }
    }

    @Test
    void reconnectingWithSinceReplaysExactlyTheMissedFramesInOrderOnce() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket witness = PartnerSockets.connectPartner(endpoint, partnerId)) {
            long lastSeen;
            try (TestSocket app = PartnerSockets.connectPartner(endpoint, partnerId)) {
                TestKafka.produce(TestEvents.credit(partnerId, "order-0", "10.00", "INR"));
                lastSeen = app.next().getLong("feed_id");
                witness.next();
            }
            TestKafka.produce(TestEvents.assigned(orderId, partnerId));
            TestKafka.produce(TestEvents.credit(partnerId, orderId, "25.50", "INR"));
            TestKafka.produce(TestEvents.message(orderId, "customer-1", SenderRole.CUSTOMER, partnerId, "two bags"));
            List<JsonObject> missed = inFeedOrder(next(witness, 3));

            try (TestSocket resumed = PartnerSockets.resume(endpoint, partnerId, "since", Long.toString(lastSeen))) {
                JsonObject established = resumed.next();
                assertEquals("connection_established", established.getString("type"));
                assertEquals(lastSeen, established.getLong("feed_id"));
                assertEquals("35.50", established.getString("total_earnings"));
                assertEquals(missed, next(resumed, 3));
                assertTrue(resumed.quietFor(QUIET).isEmpty(), "replayed more than was missed");

                TestKafka.produce(TestEvents.credit(partnerId, orderId, "1.00", "INR"));
                JsonObject live = resumed.next();
                assertEquals("36.50", live.getString("total"));
                assertEquals(witness.next(), live);
                assertTrue(live.getLong("feed_id") > missed.get(2).getLong("feed_id"));
                assertTrue(resumed.quietFor(QUIET).isEmpty());
            }
        }
    }

    @Test
    void lastEventIdIsAnAliasOfSinceAndZeroIsTheStartOfTheFeed() {
        String partnerId = TestTokens.newUserId();
        List<JsonObject> pushed = creditsPushed(partnerId, 2);
        try (TestSocket resumed = PartnerSockets.resume(endpoint, partnerId, "last_event_id",
                Long.toString(pushed.get(0).getLong("feed_id")))) {
            assertEquals("connection_established", resumed.next().getString("type"));
            assertEquals(pushed.get(1), resumed.next());
            assertTrue(resumed.quietFor(QUIET).isEmpty());
        }
        try (TestSocket fromStart = PartnerSockets.resume(endpoint, partnerId, "since", "0")) {
            assertEquals(0L, fromStart.next().getLong("feed_id"));
            assertEquals(pushed, next(fromStart, 2));
            assertTrue(fromStart.quietFor(QUIET).isEmpty());
        }
    }

    @Test
    void anotherPartnersOrAnUnknownFeedIdReplaysNothing() {
        String partnerId = TestTokens.newUserId();
        String otherPartnerId = TestTokens.newUserId();
        long othersFeedId;
        try (TestSocket other = PartnerSockets.connectPartner(endpoint, otherPartnerId)) {
            TestKafka.produce(TestEvents.credit(otherPartnerId, "order-1", "5.00", "INR"));
            othersFeedId = other.next().getLong("feed_id");
        }
        long latest;
        try (TestSocket witness = PartnerSockets.connectPartner(endpoint, partnerId)) {
            TestKafka.produce(TestEvents.credit(partnerId, "order-2", "7.00", "INR"));
            latest = witness.next().getLong("feed_id");
        }
        assertTrue(othersFeedId < latest, "the other partner's frame is older, so naming it would replay this one");

        for (String since : List.of(Long.toString(othersFeedId), "999999999999", "-1", "abc", "")) {
            try (TestSocket resumed = PartnerSockets.resume(endpoint, partnerId, "since", since)) {
                JsonObject established = resumed.next();
                assertEquals("connection_established", established.getString("type"));
                assertEquals(latest, established.getLong("feed_id"), "since=" + since);
                assertTrue(resumed.quietFor(QUIET).isEmpty(), "since=" + since + " replayed something");
            }
        }
    }

    @Test
    void aRedeliveredEventAddsNoSecondFrameToTheFeed() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        List<CloudEvent> events = List.of(TestEvents.assigned(orderId, partnerId),
                TestEvents.credit(partnerId, orderId, "12.00", "INR"),
                TestEvents.message(orderId, "customer-1", SenderRole.CUSTOMER, partnerId, "hello"));
        List<JsonObject> pushed = new ArrayList<>();
        try (TestSocket witness = PartnerSockets.connectPartner(endpoint, partnerId)) {
            events.forEach(TestKafka::produce);
            for (int i = 0; i < events.size(); i++) {
                pushed.add(witness.next());
            }
            events.forEach(TestKafka::produce);
            TestKafka.produce(TestEvents.credit(partnerId, orderId, "3.00", "INR"));
            JsonObject afterRedeliveries = witness.next();
            assertEquals("15.00", afterRedeliveries.getString("total"));
            pushed.add(afterRedeliveries);
            assertTrue(witness.quietFor(QUIET).isEmpty(), "a redelivery was pushed");
        }
        assertEquals(4L, feedRows(partnerId));
        try (TestSocket fromStart = PartnerSockets.resume(endpoint, partnerId, "since", "0")) {
            fromStart.next();
            assertEquals(inFeedOrder(pushed), next(fromStart, 4));
            assertTrue(fromStart.quietFor(QUIET).isEmpty());
        }
    }

    @Test
    void theReplayIsTheNewestFramesUpToTheLimitOldestFirst() {
        String partnerId = TestTokens.newUserId();
        List<JsonObject> pushed = creditsPushed(partnerId, replayLimit + 3);
        try (TestSocket fromStart = PartnerSockets.resume(endpoint, partnerId, "since", "0")) {
            fromStart.next();
            assertEquals(pushed.subList(3, pushed.size()), next(fromStart, replayLimit));
            assertTrue(fromStart.quietFor(QUIET).isEmpty());
        }
    }

    /**
     * The client resumes while credits keep arriving: replay and live pushes overlap, and the overlap is removed. It
     * misses fewer frames than the replay limit (100), so every one of them is due.
     */
    @Test
    void resumingWhileFramesKeepComingLosesAndRepeatsNothing() throws Exception {
        String partnerId = TestTokens.newUserId();
        int credits = 60;
        ExecutorService producer = Executors.newSingleThreadExecutor();
        try (TestSocket witness = PartnerSockets.connectPartner(endpoint, partnerId)) {
            List<Long> seen = new ArrayList<>();
            long lastSeen;
            try (TestSocket app = PartnerSockets.connectPartner(endpoint, partnerId)) {
                Future<?> producing = producer.submit(() -> {
                    for (int i = 0; i < credits; i++) {
                        TestKafka.produce(TestEvents.credit(partnerId, "order-" + i, "1.00", "INR"));
                    }
                });
                for (int i = 0; i < 10; i++) {
                    seen.add(app.next().getLong("feed_id"));
                }
                lastSeen = seen.getLast();
                app.close();
                List<Long> resumedFeedIds = new ArrayList<>();
                try (TestSocket resumed = PartnerSockets.resume(endpoint, partnerId, "since", Long.toString(lastSeen))) {
                    resumed.next();
                    producing.get();
                    for (int i = 10; i < credits; i++) {
                        resumedFeedIds.add(resumed.next().getLong("feed_id"));
                    }
                    assertTrue(resumed.quietFor(QUIET).isEmpty(), "a frame came twice");
                }
                List<Long> witnessed = new ArrayList<>();
                for (int i = 0; i < credits; i++) {
                    witnessed.add(witness.next().getLong("feed_id"));
                }
                assertEquals(seen, witnessed.subList(0, 10));
                assertEquals(witnessed.subList(10, credits), resumedFeedIds);
            }
        } finally {
            producer.shutdownNow();
        }
    }

    @Test
    void framesPastTheRetentionAreDeletedAndNoLongerReplayed() {
        String partnerId = TestTokens.newUserId();
        List<JsonObject> pushed = creditsPushed(partnerId, 3);
        long firstKept = pushed.get(2).getLong("feed_id");
        // As if two days had passed for every frame up to the second one (feed ids grow with time).
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE partner_feed SET created_at = created_at - interval '2 days' WHERE feed_id < :firstKept")
                .setParameter("firstKept", firstKept).executeUpdate());

        assertTrue(feed.deleteCreatedBefore(Instant.now().minus(Duration.ofDays(1)), 100) >= 2);

        try (TestSocket fromStart = PartnerSockets.resume(endpoint, partnerId, "since", "0")) {
            fromStart.next();
            assertEquals(pushed.get(2), fromStart.next());
            assertTrue(fromStart.quietFor(QUIET).isEmpty());
        }
        try (TestSocket resumed = PartnerSockets.resume(endpoint, partnerId, "since",
                Long.toString(pushed.get(0).getLong("feed_id")))) {
            assertEquals(firstKept, resumed.next().getLong("feed_id"), "a deleted feed id is unknown");
            assertTrue(resumed.quietFor(QUIET).isEmpty());
        }
    }

    /** Credits the partner {@code count} times while a session of theirs is open, and returns what it was pushed. */
    private List<JsonObject> creditsPushed(String partnerId, int count) {
        try (TestSocket witness = PartnerSockets.connectPartner(endpoint, partnerId)) {
            for (int i = 0; i < count; i++) {
                TestKafka.produce(TestEvents.credit(partnerId, "order-" + i, "1.00", "INR"));
            }
            return next(witness, count);
        }
    }

    private static List<JsonObject> next(TestSocket socket, int count) {
        List<JsonObject> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(socket.next());
        }
        return frames;
    }

    /**
     * Frames of different topics are applied by different consumers, and may be pushed a moment out of feed order;
     * the replay is in feed order.
     */
    private static List<JsonObject> inFeedOrder(List<JsonObject> frames) {
        return frames.stream().sorted(Comparator.comparing(frame -> frame.getLong("feed_id"))).toList();
    }

    private long latestFeedId(String partnerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT max(feed_id) FROM partner_feed WHERE partner_id = :partnerId")
                .setParameter("partnerId", partnerId).getSingleResult()).longValue());
    }

    private long feedRows(String partnerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM partner_feed WHERE partner_id = :partnerId")
                .setParameter("partnerId", partnerId).getSingleResult()).longValue());
    }
}
