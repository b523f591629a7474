package com.laundryconnect.realtime.tracking.location;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.tracking.push.TrackingMessages;

class LocationConflatorTest {

    private static final long INTERVAL_MILLIS = 300;

    private record Pushed(String orderId, double latitude, long atNanos) {
    }

    private final List<Pushed> pushed = new CopyOnWriteArrayList<>();
    private final List<Integer> pushSizes = new CopyOnWriteArrayList<>();
    private final LocationConflator conflator = new LocationConflator(locations -> {
        pushSizes.add(locations.size());
        locations.forEach(offered -> pushed.add(new Pushed(offered.orderId(), offered.location().latitude(),
                System.nanoTime())));
    }, INTERVAL_MILLIS);

    @Test
    void theFirstLocationIsPushedAtOnceAndABurstEndsWithItsLatestExactly() {
        for (int i = 0; i < 50; i++) {
            offer("order-1", i);
        }
        assertEquals(List.of(0.0), latitudes("order-1"));

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.size() == 2);
        assertEquals(List.of(0.0, 49.0), latitudes("order-1"));
        long gap = pushed.get(1).atNanos() - pushed.get(0).atNanos();
        assertTrue(gap >= Duration.ofMillis(INTERVAL_MILLIS - LocationConflator.TICK_MILLIS).toNanos(),
                () -> "pushed " + gap + " ns apart");
    }

    @Test
    void aQuietWindowEndsWithoutAPushAndTheNextLocationGoesOutAtOnce() {
        offer("order-2", 1);
        await().during(Duration.ofMillis(2 * INTERVAL_MILLIS)).atMost(Duration.ofSeconds(5))
                .until(() -> latitudes("order-2").size() == 1);
        offer("order-2", 2);
        assertEquals(List.of(1.0, 2.0), latitudes("order-2"));
    }

    @Test
    void ordersAreConflatedIndependently() {
        offer("order-a", 1);
        offer("order-b", 2);
        offer("order-a", 3);
        assertEquals(List.of(1.0), latitudes("order-a"));
        assertEquals(List.of(2.0), latitudes("order-b"));
        await().atMost(Duration.ofSeconds(5)).until(() -> latitudes("order-a").size() == 2);
        assertEquals(List.of(1.0, 3.0), latitudes("order-a"));
    }

    @Test
    void aBatchPushesTheFirstLocationOfEachQuietOrderTogetherAndConflatesTheRest() {
        conflator.offerAll(List.of(offered("order-c", 1), offered("order-d", 2), offered("order-c", 3)));
        assertEquals(List.of(2), pushSizes);
        assertEquals(List.of(1.0), latitudes("order-c"));
        assertEquals(List.of(2.0), latitudes("order-d"));
        await().atMost(Duration.ofSeconds(5)).until(() -> latitudes("order-c").size() == 2);
        assertEquals(List.of(1.0, 3.0), latitudes("order-c"));
        assertEquals(List.of(2.0), latitudes("order-d"));
    }

    @Test
    void windowsEndingTogetherArePushedTogether() {
        List<String> orders = IntStream.range(0, 100).mapToObj(i -> "order-many-" + i).toList();
        conflator.offerAll(orders.stream().map(order -> offered(order, 1)).toList());
        conflator.offerAll(orders.stream().map(order -> offered(order, 2)).toList());
        assertEquals(List.of(100), pushSizes);

        await().atMost(Duration.ofSeconds(5)).until(() -> pushed.size() == 200);
        assertEquals(List.of(100, 100), pushSizes);
        orders.forEach(order -> assertEquals(List.of(1.0, 2.0), latitudes(order)));
    }

    @Test
    void anOrderReportingAtTheLimitRateIsNotHeldLongerWindowAfterWindow() {
        Map<Double, Long> offeredAt = new ConcurrentHashMap<>();
        List<Long> heldNanos = new CopyOnWriteArrayList<>();
        LocationConflator slowPushes = new LocationConflator(locations -> {
            long now = System.nanoTime();
            locations.forEach(offered -> heldNanos.add(now - offeredAt.get(offered.location().latitude())));
            pauseMillis(30);
        }, INTERVAL_MILLIS);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            pauseMillis(Duration.ofNanos(start + i * Duration.ofMillis(INTERVAL_MILLIS).toNanos() - System.nanoTime())
                    .toMillis());
            offeredAt.put((double) i, System.nanoTime());
            slowPushes.offerAll(List.of(offered("order-steady", i)));
        }

        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> heldNanos.size() == 10);
        } finally {
            slowPushes.stop();
        }
        heldNanos.forEach(held -> assertTrue(held < Duration.ofMillis(100).toNanos(), () -> "held " + heldNanos));
    }

    private static void pauseMillis(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void offer(String orderId, double latitude) {
        conflator.offerAll(List.of(offered(orderId, latitude)));
    }

    private static LocationConflator.Offered offered(String orderId, double latitude) {
        return new LocationConflator.Offered(orderId,
                new TrackingMessages.Location(latitude, 0, Instant.now(), null, null), Instant.now());
    }

    private List<Double> latitudes(String orderId) {
        return pushed.stream().filter(p -> p.orderId().equals(orderId)).map(Pushed::latitude).toList();
    }
}
