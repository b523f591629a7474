package com.laundryconnect.realtime.tracking;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters for events this service consumed but did not apply, so a rejected location or event is visible. Malformed
 * records are counted by the shared intake, as {@code realtime.events.dead.lettered{topic}}.
 */
@ApplicationScoped
public class TrackingMetrics {

    private final MeterRegistry registry;

    public TrackingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A location that is never pushed: {@code invalid_coordinates}, {@code partner_not_assigned}, ... */
    public void locationRejected(String reason) {
        Counter.builder("tracking.locations.rejected").tag("reason", reason).register(registry).increment();
    }

    /** A valid event that changes nothing: {@code stale} (older than the stored state), {@code unknown_order}. */
    public void eventDropped(String type, String reason) {
        Counter.builder("tracking.events.dropped").tag("type", type).tag("reason", reason).register(registry).increment();
    }
}
