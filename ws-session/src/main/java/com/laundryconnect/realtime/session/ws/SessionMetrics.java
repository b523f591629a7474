package com.laundryconnect.realtime.session.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The operational metrics of contract section 10, tagged by endpoint. */
@ApplicationScoped
public class SessionMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> openConnections = new ConcurrentHashMap<>();

    public SessionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void opened(String endpoint) {
        connections(endpoint).incrementAndGet();
    }

    void closedOpenSession(String endpoint) {
        connections(endpoint).decrementAndGet();
    }

    void closed(String endpoint, int code) {
        Counter.builder("realtime.ws.closes").tag("endpoint", endpoint).tag("code", Integer.toString(code))
                .register(registry).increment();
    }

    void messageIn(String endpoint, String type) {
        Counter.builder("realtime.ws.messages.in").tag("endpoint", endpoint).tag("type", type)
                .register(registry).increment();
    }

    void messageOut(String endpoint) {
        Counter.builder("realtime.ws.messages.out").tag("endpoint", endpoint).register(registry).increment();
    }

    /** Time from the event's own timestamp to its push to a client. */
    public void deliveryLatency(String endpoint, Instant eventTime) {
        if (eventTime != null) {
            Timer.builder("realtime.delivery.latency").tag("endpoint", endpoint).publishPercentileHistogram()
                    .register(registry).record(Duration.between(eventTime, Instant.now()));
        }
    }

    private AtomicInteger connections(String endpoint) {
        return openConnections.computeIfAbsent(endpoint, name -> registry.gauge("realtime.ws.connections",
                List.of(Tag.of("endpoint", name)), new AtomicInteger()));
    }
}
