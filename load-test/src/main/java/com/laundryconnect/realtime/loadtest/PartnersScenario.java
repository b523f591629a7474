package com.laundryconnect.realtime.loadtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.vertx.core.json.JsonObject;

/**
 * {@code partners}: N partners connected on /ws/partner/, then R events per second in total for D s, alternating
 * order.assigned (pushed as {@code new_order}) and earnings.credited (pushed as {@code earnings_update}), round-robin
 * over the partners; lost and duplicate pushes, publish-to-receive latency, and per partner the expected sum of the
 * credits against the last {@code total} received.
 */
final class PartnersScenario {

    private static final String SERVICE_GROUP = "partner-service";

    private PartnersScenario() {
    }

    private record Published(long micros, int partner) {
    }

    static int run(Run run) {
        Options options = run.options;
        int partners = options.sessions;
        run.section("processes");
        OptionalLong servicePid = run.pidOn("partner-service", options.servicePort);
        if (options.port() != options.servicePort) {
            run.pidOn("front (edge) on the target port", options.port());
        }
        Processes processes = new Processes();

        Map<String, Published> pending = new ConcurrentHashMap<>();
        AtomicLong newOrders = new AtomicLong();
        AtomicLong earningsUpdates = new AtomicLong();
        AtomicLong duplicatesOrUnknown = new AtomicLong();
        AtomicLong misrouted = new AtomicLong();
        AtomicLong decreasingTotals = new AtomicLong();
        Map<String, AtomicLong> otherTypes = new ConcurrentHashMap<>();
        AtomicReferenceArray<BigDecimal> baseline = new AtomicReferenceArray<>(partners);
        AtomicReferenceArray<BigDecimal> lastTotal = new AtomicReferenceArray<>(partners);
        AtomicLongArray expectedCents = new AtomicLongArray(partners);
        Latencies newOrderLatency = new Latencies();
        Latencies earningsLatency = new Latencies();
        Latencies allLatency = new Latencies();

        SocketFleet.Listener listener = (conn, message, receivedMicros) -> {
            String type = message.getString("type", "");
            switch (type) {
                case "connection_established" -> baseline.set(conn.index, decimal(message.getString("total_earnings")));
                case "new_order" -> {
                    JsonObject order = message.getJsonObject("order", new JsonObject());
                    Published published = pending.remove(order.getString("id", ""));
                    if (published == null) {
                        duplicatesOrUnknown.incrementAndGet();
                        return;
                    }
                    newOrders.incrementAndGet();
                    if (published.partner() != conn.index) {
                        misrouted.incrementAndGet();
                    }
                    newOrderLatency.record(published.micros(), receivedMicros);
                    allLatency.record(published.micros(), receivedMicros);
                }
                case "earnings_update" -> {
                    BigDecimal total = decimal(message.getString("total"));
                    BigDecimal previous = lastTotal.getAndSet(conn.index, total);
                    if (previous != null && total != null && total.compareTo(previous) < 0) {
                        decreasingTotals.incrementAndGet();
                    }
                    Published published = pending.remove(message.getString("order_id", ""));
                    if (published == null) {
                        duplicatesOrUnknown.incrementAndGet();
                        return;
                    }
                    earningsUpdates.incrementAndGet();
                    if (published.partner() != conn.index) {
                        misrouted.incrementAndGet();
                    }
                    earningsLatency.record(published.micros(), receivedMicros);
                    allLatency.record(published.micros(), receivedMicros);
                }
                default -> otherTypes.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
            }
        };

        try (SocketFleet fleet = new SocketFleet(options.host(), options.port(), 2, partners + 100, listener);
             EventProducer producer = new EventProducer(options.kafka, options.lingerMillis)) {
            Run.Reading before = options.memory && servicePid.isPresent()
                    ? run.read("partner-service before the sessions", servicePid.getAsLong(), true) : null;

            run.section("opening " + partners + " partner sessions on " + options.target + "/ws/partner/");
            List<SocketFleet.Conn> conns = new ArrayList<>();
            for (int i = 0; i < partners; i++) {
                conns.add(new SocketFleet.Conn(i, "/ws/partner/?token=" + run.tokens.mint(AccessTokens.Role.PARTNER, partner(run, i))));
            }
            SocketFleet.RetryPolicy retryTwice = (conn, failure) -> conn.attempts < 3 && !failure.startsWith("closed 4");
            List<Integer> live = run.openSessions(fleet, conns, retryTwice, options, "partner-service", before, servicePid);
            if (live.isEmpty()) {
                run.say("no session was established: nothing to publish to");
                run.printResult();
                return 1;
            }
            long events = Math.round(options.rate * options.durationSeconds);
            run.section("publishing %d events at %.0f/s for %d s to %d partners (order.assigned and earnings.credited alternately)"
                    .formatted(events, options.rate, options.durationSeconds, live.size()));
            run.say("load average before publishing: " + Machine.loadAverage());
            run.figure("load_average_at_publish", Machine.loadAverage());
            AtomicLong assignedSent = new AtomicLong();
            AtomicLong creditedSent = new AtomicLong();
            Processes.Snapshot cpuStart = processes.snapshot();
            long ackedBefore = producer.acknowledged();
            Instant pickup = Instant.now().plus(2, ChronoUnit.HOURS);
            allLatency.startSteadyPhaseAt(MonoClock.micros() + options.steadyAfterSeconds * 1_000_000L);
            EventProducer.Pacing pacing = EventProducer.paced(events, options.rate, options.durationSeconds + 10.0,
                    seq -> {
                        int index = live.get((int) ((seq / 2) % live.size()));
                        String partnerId = partner(run, index);
                        long publishMicros = MonoClock.micros();
                        Instant time = MonoClock.instantOfMicros(publishMicros);
                        if (seq % 2 == 0) {
                            String orderId = "lt-" + run.runId + "-a" + seq;
                            pending.put(orderId, new Published(publishMicros, index));
                            assignedSent.incrementAndGet();
                            producer.send(CloudEvents.ORDERS, orderId, CloudEvents.envelope("order.assigned", orderId, time,
                                    new JsonObject()
                                            .put("order_id", orderId)
                                            .put("order_number", "LT-" + run.runId + "-A" + seq)
                                            .put("customer_id", "lt-" + run.runId + "-c" + seq)
                                            .put("partner_id", partnerId)
                                            .put("partner_name", "Load Partner " + index)
                                            .put("pickup_address", seq + " Load Test Road")
                                            .put("items_count", 1 + (int) (seq % 9))
                                            .put("total_amount", "349.00")
                                            .put("currency", "INR")
                                            .put("scheduled_pickup", CloudEvents.timestamp(pickup))));
                        } else {
                            String orderId = "lt-" + run.runId + "-e" + seq;
                            long cents = 100 + (seq * 37) % 9_900;
                            expectedCents.addAndGet(index, cents);
                            pending.put(orderId, new Published(publishMicros, index));
                            creditedSent.incrementAndGet();
                            producer.send(CloudEvents.PARTNER_EARNINGS, partnerId, CloudEvents.envelope("earnings.credited",
                                    partnerId, time, new JsonObject()
                                            .put("partner_id", partnerId)
                                            .put("order_id", orderId)
                                            .put("amount", BigDecimal.valueOf(cents, 2).toPlainString())
                                            .put("currency", "INR")));
                        }
                    },
                    sent -> run.say("published %d, received %d; last 5 s: %s".formatted(sent,
                            newOrders.get() + earningsUpdates.get(), allLatency.intervalSummary())));
            producer.flush();
            run.figure("received_when_publishing_ended", newOrders.get() + earningsUpdates.get());
            run.say("published %d of %d in %.1f s (%.0f/s), sender at most %.1f ms behind schedule; Kafka acks %d, failures %d"
                    .formatted(pacing.sent(), pacing.planned(), pacing.seconds(), pacing.achievedRate(),
                            pacing.maxBehindMillis(), producer.acknowledged() - ackedBefore, producer.failed()));
            double drained = run.drain(() -> newOrders.get() + earningsUpdates.get(), pacing.sent(), allLatency);
            Processes.Snapshot cpuEnd = processes.snapshot();
            run.say("load average after publishing: " + Machine.loadAverage());

            run.section("results");
            long delivered = newOrders.get() + earningsUpdates.get();
            run.say("new_order: %d of %d order.assigned; earnings_update: %d of %d earnings.credited; lost %d (after %.1f s of drain)"
                    .formatted(newOrders.get(), assignedSent.get(), earningsUpdates.get(), creditedSent.get(),
                            pacing.sent() - delivered, drained));
            run.say("duplicates or unknown %d; to the wrong partner %d; totals that went down %d; other types %s; unparsable %d"
                    .formatted(duplicatesOrUnknown.get(), misrouted.get(), decreasingTotals.get(), otherTypes,
                            fleet.unparsableCount()));
            int exact = 0;
            int wrong = 0;
            int credited = 0;
            List<String> mismatches = new ArrayList<>();
            for (int index : live) {
                if (expectedCents.get(index) == 0) {
                    continue;
                }
                credited++;
                BigDecimal start = baseline.get(index) == null ? BigDecimal.ZERO : baseline.get(index);
                BigDecimal expected = start.add(BigDecimal.valueOf(expectedCents.get(index), 2));
                BigDecimal last = lastTotal.get(index);
                if (last != null && last.compareTo(expected) == 0) {
                    exact++;
                } else {
                    wrong++;
                    if (mismatches.size() < 10) {
                        mismatches.add(partner(run, index) + " expected " + expected.toPlainString() + " last total "
                                + (last == null ? "none" : last.toPlainString()));
                    }
                }
            }
            run.say("exact totals: %d of %d credited partners match the expected sum; %d do not".formatted(exact, credited, wrong));
            mismatches.forEach(line -> run.say("  mismatch: " + line));
            run.say("publish-to-receive latency, all: " + allLatency.summary());
            run.steadyLatency(allLatency, options.steadyAfterSeconds);
            run.say("  new_order:       " + newOrderLatency.summary());
            run.say("  earnings_update: " + earningsLatency.summary());
            run.say("sessions held at the end: %d of %d; closed meanwhile by code: %s".formatted(fleet.openCount(),
                    live.size(), fleet.closesAfterEstablished()));
            run.printCpu(cpuStart, cpuEnd);
            run.printLag(CloudEvents.ORDERS, SERVICE_GROUP);
            run.printLag(CloudEvents.PARTNER_EARNINGS, SERVICE_GROUP);
            run.printMetrics(options.servicePort, List.of("realtime_ws_connections", "realtime_ws_closes_total"));
            if (options.memory && servicePid.isPresent()) {
                run.read("partner-service after publishing", servicePid.getAsLong(), false);
            }
            run.figure("events_published", pacing.sent());
            run.figure("rate_achieved_per_s", Run.round1(pacing.achievedRate()));
            run.figure("delivered", delivered);
            run.figure("lost", pacing.sent() - delivered);
            run.figure("duplicates_or_unknown", duplicatesOrUnknown.get());
            run.figure("totals_exact", exact);
            run.figure("totals_wrong", wrong);
            run.latencyFigures(allLatency);
            run.figure("new_order_p99_ms", Run.round1(newOrderLatency.percentileMillis(99)));
            run.figure("earnings_update_p99_ms", Run.round1(earningsLatency.percentileMillis(99)));
            return run.finish(fleet, conns);
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String partner(Run run, int index) {
        return "lt-" + run.runId + "-p" + index;
    }
}
