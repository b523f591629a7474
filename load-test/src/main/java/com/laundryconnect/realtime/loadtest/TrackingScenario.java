package com.laundryconnect.realtime.loadtest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import io.vertx.core.json.JsonObject;

/**
 * {@code tracking}: N orders created through order.created + order.assigned (each with its own customer and partner),
 * one watching customer socket per order on /ws/orders/{id}/, then R location.reported per order per second for D s
 * on laundry.locations.v1 (as partner-service publishes them); pushes delivered, conflation ratio
 * (pushes / locations), whether every order's last location arrived, and location-publish-to-receive latency.
 */
final class TrackingScenario {

    private static final String SERVICE_GROUP = "tracking-service";

    private TrackingScenario() {
    }

    static int run(Run run) {
        Options options = run.options;
        int orders = options.sessions;
        run.section("processes");
        OptionalLong servicePid = run.pidOn("tracking-service", options.servicePort);
        if (options.port() != options.servicePort) {
            run.pidOn("front (edge) on the target port", options.port());
        }
        Processes processes = new Processes();

        long events = Math.round(orders * options.rate * options.durationSeconds);
        Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
        AtomicLongArray lastPublishedMillis = new AtomicLongArray(orders);
        AtomicLongArray lastPushedMillis = new AtomicLongArray(orders);
        AtomicIntegerArray pushesPerOrder = new AtomicIntegerArray(orders);
        AtomicLong pushes = new AtomicLong();
        AtomicLong unmatched = new AtomicLong();
        Map<String, AtomicLong> otherTypes = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();

        SocketFleet.Listener listener = (conn, message, receivedMicros) -> {
            String type = message.getString("type", "");
            switch (type) {
                case "location" -> {
                    pushes.incrementAndGet();
                    pushesPerOrder.incrementAndGet(conn.index);
                    long millis;
                    try {
                        millis = OffsetDateTime.parse(message.getString("timestamp")).toInstant().toEpochMilli();
                    } catch (RuntimeException e) {
                        unmatched.incrementAndGet();
                        return;
                    }
                    lastPushedMillis.accumulateAndGet(conn.index, millis, Math::max);
                    Long published = publishedAt.remove(key(conn.index, millis));
                    if (published == null) {
                        unmatched.incrementAndGet();
                    } else {
                        latencies.record(published, receivedMicros);
                    }
                }
                case "connection_established" -> { }
                default -> otherTypes.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
            }
        };

        try (SocketFleet fleet = new SocketFleet(options.host(), options.port(), 2, orders + 100, listener);
             EventProducer producer = new EventProducer(options.kafka, options.lingerMillis)) {
            run.section("creating " + orders + " orders (order.created + order.assigned on " + CloudEvents.ORDERS + ")");
            Instant now = Instant.now();
            for (int i = 0; i < orders; i++) {
                String orderId = order(run, i);
                producer.send(CloudEvents.ORDERS, orderId, CloudEvents.envelope("order.created", orderId, now,
                        new JsonObject()
                                .put("order_id", orderId)
                                .put("order_number", "LT-" + run.runId + "-" + i)
                                .put("customer_id", customer(run, i))
                                .put("status", "confirmed")
                                .put("total_amount", "249.50")
                                .put("currency", "INR")
                                .put("pickup_address", i + " Load Test Road")
                                .put("items_count", 3)
                                .put("scheduled_pickup", CloudEvents.timestamp(now.plus(1, ChronoUnit.HOURS)))));
                producer.send(CloudEvents.ORDERS, orderId, CloudEvents.envelope("order.assigned", orderId,
                        now.plusMillis(1), new JsonObject()
                                .put("order_id", orderId)
                                .put("order_number", "LT-" + run.runId + "-" + i)
                                .put("customer_id", customer(run, i))
                                .put("partner_id", partner(run, i))
                                .put("partner_name", "Load Partner " + i)));
            }
            producer.flush();
            run.say("order events acknowledged by Kafka: %d, failed %d".formatted(producer.acknowledged(), producer.failed()));
            run.awaitNoLag(CloudEvents.ORDERS, SERVICE_GROUP, options.setupTimeoutSeconds);

            Run.Reading before = options.memory && servicePid.isPresent()
                    ? run.read("tracking-service before the sessions", servicePid.getAsLong(), true) : null;

            run.section("opening " + orders + " customer sessions on " + options.target + "/ws/orders/{id}/");
            List<SocketFleet.Conn> conns = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                conns.add(new SocketFleet.Conn(i, "/ws/orders/" + order(run, i) + "/?token="
                        + run.tokens.mint(AccessTokens.Role.CUSTOMER, customer(run, i))));
            }
            // 4003 also means "the order has not reached the service yet": try again a few times.
            SocketFleet.RetryPolicy retry = (conn, failure) -> conn.attempts < 10;
            List<Integer> live = run.openSessions(fleet, conns, retry, options, "tracking-service", before, servicePid);
            if (live.isEmpty()) {
                run.say("no session was established: nothing to publish to");
                run.printResult();
                return 1;
            }
            long liveEvents = Math.round(live.size() * options.rate * options.durationSeconds);
            double totalRate = live.size() * options.rate;
            run.section("publishing %d location.reported: %.2f per order per second for %d s to %d orders (%.0f/s in total)"
                    .formatted(liveEvents, options.rate, options.durationSeconds, live.size(), totalRate));
            run.say("load average before publishing: " + Machine.loadAverage());
            run.figure("load_average_at_publish", Machine.loadAverage());
            Processes.Snapshot cpuStart = processes.snapshot();
            long ackedBefore = producer.acknowledged();
            latencies.startSteadyPhaseAt(MonoClock.micros() + options.steadyAfterSeconds * 1_000_000L);
            EventProducer.Pacing pacing = EventProducer.paced(liveEvents, totalRate, options.durationSeconds + 10.0,
                    seq -> {
                        int index = live.get((int) (seq % live.size()));
                        long round = seq / live.size();
                        long publishMicros = MonoClock.micros();
                        long recordedMillis = publishMicros / 1_000;
                        publishedAt.put(key(index, recordedMillis), publishMicros);
                        lastPublishedMillis.set(index, recordedMillis);
                        String orderId = order(run, index);
                        producer.send(CloudEvents.LOCATIONS, orderId, CloudEvents.envelope("location.reported", orderId,
                                Instant.ofEpochMilli(recordedMillis), new JsonObject()
                                        .put("order_id", orderId)
                                        .put("partner_id", partner(run, index))
                                        .put("latitude", 12.9 + index * 1e-4 + round * 1e-6)
                                        .put("longitude", 77.5 + round * 1e-6)
                                        .put("heading", 90.0)
                                        .put("speed", 8.5)
                                        .put("recorded_at", CloudEvents.timestamp(Instant.ofEpochMilli(recordedMillis)))));
                    },
                    sent -> run.say("published %d, pushes received %d; last 5 s: %s".formatted(sent, pushes.get(),
                            latencies.intervalSummary())));
            producer.flush();
            run.figure("received_when_publishing_ended", pushes.get());
            run.say("published %d of %d in %.1f s (%.0f/s), sender at most %.1f ms behind schedule; Kafka acks %d, failures %d"
                    .formatted(pacing.sent(), pacing.planned(), pacing.seconds(), pacing.achievedRate(),
                            pacing.maxBehindMillis(), producer.acknowledged() - ackedBefore, producer.failed()));
            double drained = run.drain(() -> ordersWithLastLocation(live, lastPublishedMillis, lastPushedMillis), live.size(),
                    pushes::get, latencies);
            Processes.Snapshot cpuEnd = processes.snapshot();
            run.say("load average after publishing: " + Machine.loadAverage());

            run.section("results");
            long withLast = ordersWithLastLocation(live, lastPublishedMillis, lastPushedMillis);
            long silent = live.stream().filter(i -> pushesPerOrder.get(i) == 0).count();
            double ratio = (double) pushes.get() / Math.max(1, pacing.sent());
            run.say("locations published %d, location pushes received %d, conflation ratio (pushes/locations) %.3f"
                    .formatted(pacing.sent(), pushes.get(), ratio));
            run.say("orders whose last location arrived: %d of %d (drain %.1f s); orders with no push at all: %d"
                    .formatted(withLast, live.size(), drained, silent));
            run.say("pushes not matching a published location: %d; other message types: %s; unparsable %d"
                    .formatted(unmatched.get(), otherTypes, fleet.unparsableCount()));
            run.say("location publish-to-receive latency: " + latencies.summary());
            run.steadyLatency(latencies, options.steadyAfterSeconds);
            run.say("sessions held at the end: %d of %d; closed meanwhile by code: %s".formatted(fleet.openCount(),
                    live.size(), fleet.closesAfterEstablished()));
            run.printCpu(cpuStart, cpuEnd);
            run.printLag(CloudEvents.LOCATIONS, SERVICE_GROUP);
            run.printMetrics(options.servicePort, List.of("tracking_locations_rejected_total", "realtime_ws_connections",
                    "realtime_ws_closes_total"));
            if (options.memory && servicePid.isPresent()) {
                run.read("tracking-service after publishing", servicePid.getAsLong(), false);
            }
            run.figure("locations_published", pacing.sent());
            run.figure("rate_achieved_per_s", Run.round1(pacing.achievedRate()));
            run.figure("pushes", pushes.get());
            run.figure("conflation_ratio", Math.round(ratio * 1000) / 1000.0);
            run.figure("orders_with_last_location", withLast);
            run.figure("orders_without_push", silent);
            run.latencyFigures(latencies);
            return run.finish(fleet, conns);
        }
    }

    private static long ordersWithLastLocation(List<Integer> live, AtomicLongArray lastPublished, AtomicLongArray lastPushed) {
        long count = 0;
        for (int index : live) {
            long published = lastPublished.get(index);
            if (published != 0 && lastPushed.get(index) >= published) {
                count++;
            }
        }
        return count;
    }

    private static long key(int orderIndex, long recordedMillis) {
        return (long) orderIndex << 44 | (recordedMillis & ((1L << 44) - 1));
    }

    private static String order(Run run, int index) {
        return "lt-" + run.runId + "-o" + index;
    }

    private static String customer(Run run, int index) {
        return "lt-" + run.runId + "-c" + index;
    }

    private static String partner(Run run, int index) {
        return "lt-" + run.runId + "-p" + index;
    }
}
