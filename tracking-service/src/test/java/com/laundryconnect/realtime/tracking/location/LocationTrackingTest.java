package com.laundryconnect.realtime.tracking.location;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.Metrics;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** laundry.locations.v1 to the tracking sockets: checks, the kept latest location and conflation (contract 6). */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class LocationTrackingTest extends EndToEndTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aLocationReachesEverySubscriberWithHeadingAndSpeed() {
        TestOrder order = assignedOrder();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()));
             TestSocket staff = established(order.id(), TestTokens.staffWsToken(TestTokens.newUserId()))) {
            Instant recordedAt = TestEvents.nowWithMillis();
            JsonObject event = TestEvents.location(order.id(), order.partnerId(), 12.9716, 77.5946, recordedAt);
            event.getJsonObject("data").put("heading", 92.5).put("speed", 8.25);
            TestKafka.produce(Topic.LOCATIONS, event);

            JsonObject expected = new JsonObject().put("type", "location").put("latitude", 12.9716)
                    .put("longitude", 77.5946).put("timestamp", recordedAt.toString()).put("heading", 92.5)
                    .put("speed", 8.25);
            assertEquals(expected, customer.next());
            assertEquals(expected, staff.next());
        }
    }

    @Test
    void headingAndSpeedAreNullWhenTheDeviceSentNone() {
        TestOrder order = assignedOrder();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), -33.8688, 151.2093, Instant.now()));
            JsonObject location = nextOfType(customer, "location");
            assertTrue(location.containsKey("heading") && location.getValue("heading") == null, location::encode);
            assertTrue(location.containsKey("speed") && location.getValue("speed") == null, location::encode);
        }
    }

    @Test
    void aNewSubscriberGetsTheLatestLocationWhichIsKeptForAnHour() {
        TestOrder order = assignedOrder();
        Instant recordedAt = TestEvents.nowWithMillis();
        TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), 19.076, 72.8777, recordedAt));
        await().atMost(PROJECTED).until(() -> redis.key().exists(LatestLocations.key(order.id())));

        try (TestSocket customer = connect(order.id(), TestTokens.wsToken(order.customerId()))) {
            JsonObject lastLocation = nextOfType(customer, "connection_established").getJsonObject("order")
                    .getJsonObject("last_location");
            assertEquals(new JsonObject().put("latitude", 19.076).put("longitude", 72.8777)
                    .put("timestamp", recordedAt.toString()), lastLocation);
        }
        long ttlMillis = redis.key().pttl(LatestLocations.key(order.id()));
        assertTrue(ttlMillis > Duration.ofMinutes(59).toMillis() && ttlMillis <= Duration.ofHours(1).toMillis(),
                () -> "TTL " + ttlMillis);
    }

    @Test
    void outOfRangeCoordinatesAreDeadLetteredCountedAndNeverPushed() {
        TestOrder order = assignedOrder();
        double before = Metrics.value("tracking_locations_rejected_total", "reason=\"invalid_coordinates\"");
        try (TopicTail dlq = TopicTail.ofDeadLetters(Topic.LOCATIONS);
             TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            JsonObject latitudeTooBig = TestEvents.location(order.id(), order.partnerId(), 90.0001, 10, Instant.now());
            JsonObject longitudeTooSmall = TestEvents.location(order.id(), order.partnerId(), 10, -180.5, Instant.now());
            TestKafka.produce(Topic.LOCATIONS, latitudeTooBig);
            TestKafka.produce(Topic.LOCATIONS, longitudeTooSmall);
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), 90, -180, Instant.now()));

            JsonObject pushed = nextOfType(customer, "location");
            assertEquals(90.0, pushed.getDouble("latitude"));
            assertEquals(-180.0, pushed.getDouble("longitude"));
            dlq.await(event -> latitudeTooBig.getString("id").equals(event.getString("id")));
            dlq.await(event -> longitudeTooSmall.getString("id").equals(event.getString("id")));
        }
        assertEquals(before + 2, Metrics.value("tracking_locations_rejected_total", "reason=\"invalid_coordinates\""));
    }

    @Test
    void aLocationFromAPartnerNotAssignedToTheOrderIsNeverPushed() {
        TestOrder order = assignedOrder();
        double before = Metrics.value("tracking_locations_rejected_total", "reason=\"partner_not_assigned\"");
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), TestTokens.newUserId(), 1, 1, Instant.now()));
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), 2, 2, Instant.now()));

            assertEquals(2.0, nextOfType(customer, "location").getDouble("latitude"));
        }
        assertEquals(before + 1, Metrics.value("tracking_locations_rejected_total", "reason=\"partner_not_assigned\""));
    }

    @Test
    void aLocationOlderThanTheLatestIsNeverPushed() {
        TestOrder order = assignedOrder();
        Instant now = Instant.now();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), 1, 1, now));
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), 2, 2, now.minusSeconds(10)));
            TestKafka.produce(Topic.LOCATIONS, TestEvents.location(order.id(), order.partnerId(), 3, 3, now.plusMillis(100)));

            assertEquals(1.0, nextOfType(customer, "location").getDouble("latitude"));
            assertEquals(3.0, nextOfType(customer, "location").getDouble("latitude"));
        }
    }

    @Test
    void manyLocationsWithinOneSecondGiveAtMostTwoPushesTheLastOneExact() {
        TestOrder order = assignedOrder();
        Instant start = TestEvents.nowWithMillis();
        List<JsonObject> burst = IntStream.range(0, 20)
                .mapToObj(i -> TestEvents.location(order.id(), order.partnerId(), 12.0 + i / 1000.0, 77.0 + i / 1000.0,
                        start.plusMillis(i * 10L)))
                .toList();
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produceAll(Topic.LOCATIONS, burst);

            List<JsonObject> pushes = new ArrayList<>();
            pushes.add(nextOfType(customer, "location"));
            customer.quietFor(Duration.ofMillis(1500)).forEach(frame -> pushes.add(new JsonObject(frame)));

            assertTrue(pushes.size() <= 2, () -> pushes.size() + " pushes: " + pushes);
            JsonObject last = pushes.getLast();
            assertEquals(12.019, last.getDouble("latitude"));
            assertEquals(77.019, last.getDouble("longitude"));
            assertEquals(start.plusMillis(190).toString(), last.getString("timestamp"));
        }
    }
}
