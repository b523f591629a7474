package com.laundryconnect.realtime.tracking.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.InvalidEventException;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Processes one Kafka record and settles it. Applied or skipped: acknowledged, so its offset is committed. Malformed:
 * nacked, which the channel's failure strategy turns into a copy on {@code <topic>.dlq}. A valid record whose
 * processing fails (PostgreSQL or Redis briefly unavailable) is retried a few times with back-off before it is
 * dead-lettered too. While the application stops, a failing record is left unsettled instead, so that it is
 * delivered again after the restart rather than dead-lettered because the database pool was already closed.
 * Processing a record again is safe: every handler is idempotent.
 */
@ApplicationScoped
public class RecordProcessing {

    private static final Logger LOG = Logger.getLogger(RecordProcessing.class);
    private static final int ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Blocking: call from the channel's worker thread. */
    public CompletionStage<Void> process(String channel, Message<String> record, Consumer<String> handler) {
        long backoffMillis = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(record.getPayload());
                return record.ack();
            } catch (InvalidEventException e) {
                return record.nack(e);
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.infof("Stopping: a record of %s is left unacknowledged and will be delivered again (%s)", channel,
                            e.getMessage());
                    return CompletableFuture.completedFuture(null);
                }
                if (attempt == ATTEMPTS) {
                    LOG.errorf(e, "A record of %s failed %d times; dead-lettering it", channel, ATTEMPTS);
                    return record.nack(e);
                }
                LOG.warnf("A record of %s failed (attempt %d of %d), retrying in %d ms: %s", channel, attempt, ATTEMPTS,
                        backoffMillis, e.getMessage());
                pause(backoffMillis);
                backoffMillis *= 4;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
