package com.laundryconnect.realtime.session.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.session.testing.TestEnvelopes;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.core.json.JsonObject;

/** How one consumer's poll is applied: whole when small, per partition side by side when large, acknowledged last. */
class EventIntakeSharesTest {

    private static final int SPLIT_FROM = 100;

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Map<Integer, Long> committed = new ConcurrentHashMap<>();
    private final EventIntake intake = new EventIntake(null, config(), workers, new SimpleMeterRegistry(), null,
            new TakeOvers());

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aSmallPollIsAppliedWholeInTheOrderRead() throws Exception {
        IncomingKafkaRecordBatch<String, String> poll = poll(3, 10);
        List<List<String>> calls = new CopyOnWriteArrayList<>();

        consume(poll, events -> {
            calls.add(ids(events));
            return Set.of();
        });

        assertEquals(List.of(idsOf(poll)), calls, "one call, every event in the order read");
        assertEquals(Map.of(0, 10L, 1, 10L, 2, 10L), committed);
    }

    @Test
    void aLargePollIsAppliedPerPartitionSideBySide() throws Exception {
        IncomingKafkaRecordBatch<String, String> poll = poll(3, 50);
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        AtomicInteger applying = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        consume(poll, events -> {
            mostAtOnce.accumulateAndGet(applying.incrementAndGet(), Math::max);
            sleep(200);
            calls.add(ids(events));
            applying.decrementAndGet();
            return Set.of();
        });

        assertEquals(3, calls.size(), "one call per partition");
        assertEquals(Set.copyOf(partitionsOf(poll).values()), Set.copyOf(calls),
                "each call holds one partition's events in offset order");
        assertEquals(3, mostAtOnce.get(), "the three partitions are applied at the same time");
        assertEquals(Map.of(0, 50L, 1, 50L, 2, 50L), committed);
    }

    @Test
    void aFailingShareIsRetriedAloneAndThePollAcknowledgedOnceItIsApplied() throws Exception {
        IncomingKafkaRecordBatch<String, String> poll = poll(3, 50);
        String firstOfPartition1 = partitionsOf(poll).get(1).getFirst();
        Map<String, Integer> attemptsByFirstEvent = new ConcurrentHashMap<>();
        CountDownLatch partition2Held = new CountDownLatch(1);
        CountDownLatch releasePartition2 = new CountDownLatch(1);
        String firstOfPartition2 = partitionsOf(poll).get(2).getFirst();

        CompletableFuture<Void> consumed = CompletableFuture.runAsync(() -> consume(poll, events -> {
            String first = events.getFirst().envelope().id();
            int attempt = attemptsByFirstEvent.merge(first, 1, Integer::sum);
            if (first.equals(firstOfPartition1) && attempt == 1) {
                throw new IllegalStateException("PostgreSQL is restarting");
            }
            if (first.equals(firstOfPartition2)) {
                partition2Held.countDown();
                await(releasePartition2);
            }
            return Set.of();
        }));

        assertTrue(partition2Held.await(10, TimeUnit.SECONDS));
        sleep(300);
        assertTrue(committed.isEmpty(), "nothing is committed while a share is still being applied");
        releasePartition2.countDown();
        consumed.get(10, TimeUnit.SECONDS);

        assertEquals(Map.of(partitionsOf(poll).get(0).getFirst(), 1, firstOfPartition1, 2, firstOfPartition2, 1),
                attemptsByFirstEvent, "only the failing partition's share is applied again");
        assertEquals(Map.of(0, 50L, 1, 50L, 2, 50L), committed);
        assertFalse(consumed.isCompletedExceptionally());
    }

    private void consume(IncomingKafkaRecordBatch<String, String> poll, EventBatchHandler handler) {
        try {
            intake.consume(Topic.NOTIFICATIONS, poll, handler).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A poll of {@code perPartition} notifications from each of {@code partitions} partitions, keyed by user. */
    private IncomingKafkaRecordBatch<String, String> poll(int partitions, int perPartition) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            TopicPartition where = new TopicPartition(Topic.NOTIFICATIONS.topicName(), partition);
            List<ConsumerRecord<String, String>> inPartition = new ArrayList<>();
            for (int offset = 0; offset < perPartition; offset++) {
                String user = "user-" + partition + "-" + offset % 5;
                inPartition.add(new ConsumerRecord<>(where.topic(), partition, offset, user, notification(user)));
            }
            records.put(where, inPartition);
        }
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(records, Map.of()), "test", 0, commitHandler(),
                null, false, false);
    }

    private KafkaCommitHandler commitHandler() {
        return new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                committed.merge(record.getPartition(), record.getOffset() + 1, Math::max);
                return Uni.createFrom().voidItem();
            }
        };
    }

    private static String notification(String user) {
        return TestEnvelopes.envelope("notification.requested", user, new JsonObject()
                .put("user_id", user)
                .put("title", "Ready")
                .put("message", "Your order is ready")
                .put("notification_type", "order_status")).encode();
    }

    private static List<String> idsOf(IncomingKafkaRecordBatch<String, String> poll) {
        return poll.getRecords().stream().map(record -> idOf(record.getPayload())).toList();
    }

    private static Map<Integer, List<String>> partitionsOf(IncomingKafkaRecordBatch<String, String> poll) {
        Map<Integer, List<String>> byPartition = new LinkedHashMap<>();
        poll.getRecords().forEach(record -> byPartition.computeIfAbsent(record.getPartition(), p -> new ArrayList<>())
                .add(idOf(record.getPayload())));
        return byPartition;
    }

    private static String idOf(String json) {
        return new JsonObject(json).getString("id");
    }

    private static List<String> ids(List<TypedEvent> events) {
        return events.stream().map(event -> event.envelope().id()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static IntakeConfig config() {
        return new IntakeConfig() {
            @Override
            public int splitPollsFrom() {
                return SPLIT_FROM;
            }

            @Override
            public Duration batchRetryDuration() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration firstBackoff() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(100);
            }

            @Override
            public int eventAttempts() {
                return 3;
            }
        };
    }
}
