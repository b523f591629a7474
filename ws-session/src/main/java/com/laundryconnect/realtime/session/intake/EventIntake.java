package com.laundryconnect.realtime.session.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.session.intake.DeadLetters.RejectedRecord;
import com.laundryconnect.realtime.session.ws.Sessions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * The consuming rule of contract 8 for every Kafka channel of the WebSocket services, applied to one poll's records
 * at a time: skip unknown types, copy each malformed record on its own to the topic's {@code .dlq}, hand the valid
 * events to the service in one call (one transaction, one fan-out), and acknowledge the batch, so its offsets are
 * committed, only once all of that is durable.
 *
 * <p>A channel runs one Kafka consumer, so an idle replica pays one fetch per channel, not one per partition. A poll
 * of at least {@link IntakeConfig#splitPollsFrom()} records (a replica behind, or a busy channel) is split by partition
 * and the partitions' shares are applied side by side on the worker pool, each as a batch of its own: every key stays
 * in one partition, so its order is kept, and both cores work while one share waits on PostgreSQL or Redis. A smaller
 * poll is applied whole, in one transaction. The poll is acknowledged once every share is applied.
 *
 * <p>A batch that fails is retried whole with back-off, which keeps every key's events in order; one that keeps
 * failing past {@link IntakeConfig#batchRetryDuration()} is applied event by event, and only an event that still
 * fails is dead-lettered, so one poisonous event never holds up a partition. While the application stops, a failing
 * batch is left unacknowledged instead: it is read again after the restart rather than dead-lettered because a pool
 * was already closed.
 *
 * <p>An event found applied already may have been stored without its pushes going out: by a replica that died between
 * commit and publish (its partitions come here with their offsets uncommitted), or by an attempt whose commit
 * succeeded but reported a failure (PostgreSQL stopping mid-commit). In those two reads (records that were in their
 * partition before it was assigned to this replica, see {@link TakeOvers}, and a batch applied after a failed
 * attempt) the sessions of such events' routing keys are told of a gap, so their clients resume from storage. A
 * producer's retry with the same id, appended while this replica holds the partition, pushes nothing and closes
 * nothing.
 *
 * <p>On SIGTERM the intake stops taking new batches (they stay unacknowledged, to be read again by whichever replica
 * gets their partitions) and waits, bounded, for the batches in hand to finish, so that their offsets are committed
 * when the consumers close.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    private static final Duration FINISH_ON_SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final DeadLetters deadLetters;
    private final IntakeConfig config;
    private final ExecutorService workers;
    private final MeterRegistry registry;
    private final Sessions sessions;
    private final TakeOvers takeOvers;
    private volatile boolean stopping;
    /** Batches being applied; guarded by {@code this}. */
    private int batchesInHand;

    EventIntake(DeadLetters deadLetters, IntakeConfig config, ExecutorService workers, MeterRegistry registry,
                Sessions sessions, TakeOvers takeOvers) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.workers = workers;
        this.registry = registry;
        this.sessions = sessions;
        this.takeOvers = takeOvers;
    }

    /**
     * Quarkus's first shutdown step (the shutdown delay phase; ws-session enables it), while PostgreSQL, Redis and
     * Kafka are all still open: a batch in hand can still be stored, pushed and acknowledged.
     */
    void finishBatchesInHand(@Observes ShutdownDelayInitiatedEvent shutdown) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH_ON_SHUTDOWN_TIMEOUT.toNanos();
        synchronized (this) {
            stopping = true;
            while (batchesInHand > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warnf("%d batches were still being applied %s after SIGTERM; they are read again after the "
                            + "restart", batchesInHand, FINISH_ON_SHUTDOWN_TIMEOUT);
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Blocking: call from the channel's worker thread (a {@code @Blocking} incoming method). */
    public CompletionStage<Void> consume(Topic topic, KafkaRecordBatch<String, String> batch, EventBatchHandler handler) {
        return consume(topic, batch, handler, errors -> {
        });
    }

    /**
     * As {@link #consume(Topic, KafkaRecordBatch, EventBatchHandler)}, and {@code onDeadLettered} gets the errors of
     * each malformed record once its copy is written, for a service that counts them by cause.
     */
    public CompletionStage<Void> consume(Topic topic, KafkaRecordBatch<String, String> batch, EventBatchHandler handler,
                                         Consumer<List<FieldError>> onDeadLettered) {
        synchronized (this) {
            if (stopping) {
                LOG.debugf("Stopping: %d records of %s are left unacknowledged and will be read again",
                        batch.getRecords().size(), topic.topicName());
                return CompletableFuture.completedFuture(null);
            }
            batchesInHand++;
        }
        try {
            if (applyAll(topic, batch.getRecords(), handler, onDeadLettered)) {
                return batch.ack();
            }
            LOG.infof("Stopping: %d records of %s are left unacknowledged and will be read again",
                    batch.getRecords().size(), topic.topicName());
            return CompletableFuture.completedFuture(null);
        } finally {
            synchronized (this) {
                batchesInHand--;
                notifyAll();
            }
        }
    }

    /** False if the application began to stop before every record was applied. */
    private boolean applyAll(Topic topic, List<KafkaRecord<String, String>> records, EventBatchHandler handler,
                             Consumer<List<FieldError>> onDeadLettered) {
        if (records.isEmpty()) {
            return true;
        }
        List<List<KafkaRecord<String, String>>> shares = records.size() < config.splitPollsFrom()
                ? List.of(records)
                : PartitionShares.of(records);
        List<CompletableFuture<Boolean>> sideBySide = shares.subList(1, shares.size()).stream()
                .map(share -> CompletableFuture.supplyAsync(() -> applyShare(topic, share, handler, onDeadLettered),
                        workers))
                .toList();
        boolean applied = applyShare(topic, shares.getFirst(), handler, onDeadLettered);
        for (CompletableFuture<Boolean> share : sideBySide) {
            try {
                applied &= share.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return applied;
    }

    private boolean applyShare(Topic topic, List<KafkaRecord<String, String>> records, EventBatchHandler handler,
                               Consumer<List<FieldError>> onDeadLettered) {
        List<TypedEvent> events = new ArrayList<>();
        List<KafkaRecord<String, String>> eventRecords = new ArrayList<>();
        List<RejectedRecord> malformed = new ArrayList<>();
        List<List<FieldError>> malformedErrors = new ArrayList<>();
        boolean takenOver = false;
        for (KafkaRecord<String, String> record : records) {
            takenOver = takenOver
                    || takeOvers.predatesAssignment(record.getTopic(), record.getPartition(), offset(record));
            switch (RecordReading.of(topic, record.getPayload())) {
                case RecordReading.Valid valid -> {
                    events.add(valid.event());
                    eventRecords.add(record);
                }
                case RecordReading.Skipped skipped -> LOG.debugf("Skipping %s: %s", where(record), skipped.reason());
                case RecordReading.Malformed rejected -> {
                    LOG.warnf("Malformed record %s goes to %s: %s", where(record), topic.deadLetterTopicName(),
                            rejected.errors());
                    malformed.add(rejection(record, "malformed: " + rejected.errors()));
                    malformedErrors.add(rejected.errors());
                }
            }
        }
        try {
            if (!malformed.isEmpty()) {
                deadLetter(topic, malformed);
                malformedErrors.forEach(onDeadLettered);
            }
            if (!events.isEmpty()) {
                apply(topic, events, eventRecords, handler, takenOver);
            }
            return true;
        } catch (StoppingException e) {
            return false;
        }
    }

    private void apply(Topic topic, List<TypedEvent> events, List<KafkaRecord<String, String>> records,
                       EventBatchHandler handler, boolean takenOver) {
        long giveUpAt = System.nanoTime() + config.batchRetryDuration().toNanos();
        long backoffMillis = config.firstBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                Set<String> alreadyApplied = handler.apply(events);
                if (takenOver || attempt > 1) {
                    announceGap(topic, alreadyApplied, attempt > 1 ? "after a failed attempt" : "after a take-over");
                }
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() - giveUpAt > 0) {
                    LOG.errorf(e, "A batch of %d events of %s kept failing for %s; applying them one by one",
                            events.size(), topic.topicName(), config.batchRetryDuration());
                    break;
                }
                LOG.warnf("Applying %d events of %s failed (attempt %d), retrying in %d ms: %s", events.size(),
                        topic.topicName(), attempt, backoffMillis, describe(e));
                backoffMillis = pause(backoffMillis);
            }
        }
        for (int i = 0; i < events.size(); i++) {
            applyAlone(topic, events.get(i), records.get(i), handler);
        }
    }

    private void applyAlone(Topic topic, TypedEvent event, KafkaRecord<String, String> record,
                            EventBatchHandler handler) {
        long backoffMillis = config.firstBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                announceGap(topic, handler.apply(List.of(event)), "after failed attempts");
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.eventAttempts()) {
                    LOG.errorf(e, "Event %s (%s) could not be applied after %d attempts; dead-lettering it",
                            event.envelope().id(), where(record), attempt);
                    deadLetter(topic, List.of(rejection(record, "could not be applied: " + describe(e))));
                    return;
                }
                backoffMillis = pause(backoffMillis);
            }
        }
    }

    private void announceGap(Topic topic, Set<String> routingKeys, String when) {
        if (routingKeys.isEmpty()) {
            return;
        }
        LOG.warnf("Events of %s read again %s were applied already, so their pushes may never have gone out; the "
                + "sessions of %d routing keys resume from storage", topic.topicName(), when, routingKeys.size());
        sessions.announceGap(routingKeys);
    }

    /** Kafka itself may be briefly unreachable: the copies are retried until they are written or the app stops. */
    private void deadLetter(Topic topic, List<RejectedRecord> rejected) {
        long backoffMillis = config.firstBackoff().toMillis();
        while (true) {
            try {
                deadLetters.sendAll(topic, rejected);
                Counter.builder("realtime.events.dead.lettered").tag("topic", topic.topicName()).register(registry)
                        .increment(rejected.size());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Writing %d records to %s failed, retrying in %d ms: %s", rejected.size(),
                        topic.deadLetterTopicName(), backoffMillis, describe(e));
                backoffMillis = pause(backoffMillis);
            }
        }
    }

    /** Sleeps, unless the application is stopping; returns the next, doubled, pause. */
    private long pause(long millis) {
        if (stopping) {
            throw new StoppingException();
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppingException();
        }
        if (stopping) {
            throw new StoppingException();
        }
        return Math.min(millis * 2, config.maxBackoff().toMillis());
    }

    private static RejectedRecord rejection(KafkaRecord<String, String> record, String reason) {
        return new RejectedRecord(record.getKey(), record.getPayload(), record.getPartition(), offset(record), reason);
    }

    private static long offset(KafkaRecord<String, String> record) {
        if (record instanceof IncomingKafkaRecord<String, String> incoming) {
            return incoming.getOffset();
        }
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }

    private static String where(KafkaRecord<String, String> record) {
        return record.getTopic() + "-" + record.getPartition() + "@" + offset(record);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure) : failure + " (cause: " + root + ")";
    }

    /** Unwinds a retry loop when the application stops, leaving the batch unacknowledged. */
    private static final class StoppingException extends RuntimeException {
        StoppingException() {
            super(null, null, false, false);
        }
    }
}
