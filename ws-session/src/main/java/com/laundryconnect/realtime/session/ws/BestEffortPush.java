package com.laundryconnect.realtime.session.ws;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Sends a stored batch's {@link Deliveries} in one fan-out. The events behind them are committed already, so a push
 * that fails (Redis unavailable) is not retried: applying the batch again would find every event applied and push
 * nothing. It is not silent either: the fan-out announces the gap for those keys once Redis is back, their sessions
 * are closed with 1012, and the clients resume from storage.
 */
@ApplicationScoped
public class BestEffortPush {

    private static final Logger LOG = Logger.getLogger(BestEffortPush.class);

    private final Sessions sessions;
    private final SessionMetrics metrics;

    public BestEffortPush(Sessions sessions, SessionMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    /** Blocking: call from a worker thread. */
    public void send(String endpoint, Deliveries deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            sessions.deliver(deliveries.messagesByRoutingKey());
        } catch (RuntimeException e) {
            LOG.warnf("Could not push a batch's messages to %d routing keys; their sessions will be closed to resume: %s",
                    deliveries.messagesByRoutingKey().size(), e.getMessage());
            return;
        }
        Instant now = Instant.now();
        for (Instant eventTime : deliveries.eventTimes()) {
            // A producer's clock may run ahead of ours; a negative latency would only be noise.
            if (!eventTime.isAfter(now)) {
                metrics.deliveryLatency(endpoint, eventTime);
            }
        }
    }
}
