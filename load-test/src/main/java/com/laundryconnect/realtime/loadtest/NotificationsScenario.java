package com.laundryconnect.realtime.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.json.JsonObject;

/**
 * {@code notifications}: N sessions of N distinct users on /ws/notifications/; the service's heap and RSS before and
 * after (idle-session cost); then notification.requested events at R/s for D s, round-robin over the users, each
 * carrying its publish time in {@code data}; delivered/expected, lost, duplicates and publish-to-receive latency.
 */
final class NotificationsScenario {

    private static final String PATH = "/ws/notifications/";
    private static final String SERVICE_GROUP = "notification-service";

    private NotificationsScenario() {
    }

    static int run(Run run) {
        Options options = run.options;
        run.section("processes");
        OptionalLong servicePid = run.pidOn("notification-service", options.servicePort);
        OptionalLong frontPid = options.port() != options.servicePort ? run.pidOn("front (edge) on the target port", options.port())
                : OptionalLong.empty();
        Processes processes = new Processes();

        int events = (int) Math.round(options.rate * options.durationSeconds);
        AtomicIntegerArray receivedTimes = new AtomicIntegerArray(Math.max(events, 1));
        AtomicLong uniqueReceived = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong misrouted = new AtomicLong();
        AtomicLong unreadCounts = new AtomicLong();
        AtomicLong foreign = new AtomicLong();
        Map<String, AtomicLong> otherTypes = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        int[] userOfSeq = new int[Math.max(events, 1)];

        SocketFleet.Listener listener = (conn, message, receivedMicros) -> {
            String type = message.getString("type", "");
            switch (type) {
                case "notification" -> {
                    JsonObject data = message.getJsonObject("notification", new JsonObject()).getJsonObject("data");
                    if (data == null || !run.runId.equals(data.getString("lt_run"))) {
                        foreign.incrementAndGet();
                        return;
                    }
                    int seq = data.getInteger("lt_seq", -1);
                    if (seq < 0 || seq >= events) {
                        foreign.incrementAndGet();
                        return;
                    }
                    latencies.record(data.getLong("published_at_us"), receivedMicros);
                    if (userOfSeq[seq] != conn.index) {
                        misrouted.incrementAndGet();
                    }
                    if (receivedTimes.incrementAndGet(seq) == 1) {
                        uniqueReceived.incrementAndGet();
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
                case "unread_count" -> unreadCounts.incrementAndGet();
                case "connection_established" -> { }
                default -> otherTypes.computeIfAbsent(type, k -> new AtomicLong()).incrementAndGet();
            }
        };

        try (SocketFleet fleet = new SocketFleet(options.host(), options.port(), 2, options.sessions + 200, listener);
             EventProducer producer = new EventProducer(options.kafka, options.lingerMillis)) {
            SocketFleet.RetryPolicy retryTwice = (conn, failure) -> conn.attempts < 3 && !failure.startsWith("closed 4");

            // Warm-up: the first sessions load classes and fill caches once; they are closed before the baseline.
            int warmups = Math.min(100, Math.max(1, options.sessions / 100));
            run.section("warm-up: " + warmups + " sessions opened and closed before the baseline");
            List<SocketFleet.Conn> warm = new ArrayList<>();
            for (int i = 0; i < warmups; i++) {
                warm.add(new SocketFleet.Conn(i, uri(run, "lt-" + run.runId + "-w" + i)));
            }
            try (SocketFleet warmFleet = new SocketFleet(options.host(), options.port(), 1, warmups, (c, m, t) -> { })) {
                warmFleet.openAll(warm, 50, 30_000, 1_000, run.deadlineAfterSeconds(60), retryTwice, run::say);
                run.say("warm-up sessions established: " + warmFleet.establishedCount() + " of " + warmups);
                warmFleet.closeAll(warm, 10_000);
            }
            run.settle("closed warm-up sessions");

            run.section("baseline (before the sessions)");
            Run.Reading serviceBefore = null;
            Run.Reading frontBefore = null;
            if (options.memory && servicePid.isPresent()) {
                serviceBefore = run.read("notification-service before", servicePid.getAsLong(), true);
            }
            long frontRssBefore = frontPid.isPresent() ? run.rssOfFamily("edge before", frontPid.getAsLong()) : -1;
            if (options.memory && frontPid.isPresent() && run.isJvm(frontPid.getAsLong())) {
                frontBefore = run.read("edge before", frontPid.getAsLong(), true);
            }

            run.section("opening " + options.sessions + " sessions to " + options.target + PATH);
            List<SocketFleet.Conn> conns = new ArrayList<>();
            for (int i = 0; i < options.sessions; i++) {
                conns.add(new SocketFleet.Conn(i, uri(run, user(run, i))));
            }
            Processes.Snapshot openingCpuStart = processes.snapshot();
            long openStart = System.nanoTime();
            fleet.openAll(conns, options.connectConcurrency, 60_000, 1_000,
                    run.deadlineAfterSeconds(options.setupTimeoutSeconds), retryTwice, run::say);
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            int established = fleet.establishedCount();
            run.reportOpening(fleet, options.sessions, openSeconds);
            run.say("cpu while opening:");
            run.printCpu(openingCpuStart, processes.snapshot());
            run.figure("sessions_wanted", options.sessions);
            run.figure("sessions_established", established);
            run.figure("open_seconds", Run.round1(openSeconds));
            run.settle("idle sessions");

            run.section("idle sessions: memory");
            if (serviceBefore != null) {
                Run.Reading after = run.read("notification-service with " + established + " idle sessions",
                        servicePid.getAsLong(), true);
                double heapPerSession = established > 0 ? (after.heapUsedKb() - serviceBefore.heapUsedKb()) * 1024.0 / established : Double.NaN;
                double rssPerSession = established > 0 ? (after.rssKb() - serviceBefore.rssKb()) * 1024.0 / established : Double.NaN;
                run.say("idle-session cost, notification-service: heap %.1f KB/session (target <= 20 KB), RSS %.1f KB/session"
                        .formatted(heapPerSession / 1000, rssPerSession / 1000));
                run.figure("service_heap_before_kib", serviceBefore.heapUsedKb());
                run.figure("service_heap_after_kib", after.heapUsedKb());
                run.figure("service_rss_before_kib", serviceBefore.rssKb());
                run.figure("service_rss_after_kib", after.rssKb());
                run.figure("heap_bytes_per_idle_session", Math.round(heapPerSession));
                run.figure("rss_bytes_per_idle_session", Math.round(rssPerSession));
                run.figure("service_open_files", after.openFiles());
            }
            if (frontRssBefore >= 0) {
                long frontRssAfter = run.rssOfFamily("edge with " + established + " sessions", frontPid.getAsLong());
                double rssPerSession = (frontRssAfter - frontRssBefore) * 1024.0 / Math.max(1, established);
                run.say("edge cost: RSS %.1f KB/session (all its processes)".formatted(rssPerSession / 1000));
                run.figure("edge_rss_bytes_per_session", Math.round(rssPerSession));
            }
            if (frontBefore != null) {
                Run.Reading after = run.read("edge with " + established + " tunnelled sessions", frontPid.getAsLong(), true);
                run.say("edge cost: heap %.1f KB/session, RSS %.1f KB/session".formatted(
                        (after.heapUsedKb() - frontBefore.heapUsedKb()) * 1024.0 / Math.max(1, established) / 1000,
                        (after.rssKb() - frontBefore.rssKb()) * 1024.0 / Math.max(1, established) / 1000));
                run.figure("edge_heap_bytes_per_session", Math.round((after.heapUsedKb() - frontBefore.heapUsedKb()) * 1024.0 / Math.max(1, established)));
            }
            run.say("load-test client itself: RSS " + Run.mib(ProcessProbe.memory(ProcessHandle.current().pid())
                    .map(ProcessProbe.Memory::rssKb).orElse(-1L)));
            if (options.classHistogram && servicePid.isPresent()) {
                ProcessProbe.classHistogram(servicePid.getAsLong(), 25).forEach(line -> run.say("  histo " + line));
            }
            run.printMetrics(options.servicePort, List.of("realtime_ws_connections"));

            List<SocketFleet.Conn> live = conns.stream().filter(c -> c.established).toList();
            if (live.isEmpty()) {
                run.say("no session was established: nothing to publish to");
                run.figure("verdict", "no sessions");
                run.printResult();
                return 1;
            }

            run.section("publishing %d notification.requested at %.0f/s for %d s to %d users".formatted(events,
                    options.rate, options.durationSeconds, live.size()));
            for (int seq = 0; seq < events; seq++) {
                userOfSeq[seq] = live.get(seq % live.size()).index;
            }
            run.say("load average before publishing: " + Machine.loadAverage());
            run.figure("load_average_at_publish", Machine.loadAverage());
            Processes.Snapshot cpuStart = processes.snapshot();
            long framesBefore = fleet.messageCount();
            latencies.startSteadyPhaseAt(MonoClock.micros() + options.steadyAfterSeconds * 1_000_000L);
            EventProducer.Pacing pacing = EventProducer.paced(events, options.rate, options.durationSeconds + 10.0,
                    seq -> {
                        int seqInt = (int) seq;
                        String userId = user(run, userOfSeq[seqInt]);
                        long publishedAt = MonoClock.micros();
                        JsonObject data = new JsonObject()
                                .put("user_id", userId)
                                .put("title", "Load test " + seqInt)
                                .put("message", "Notification " + seqInt + " of run " + run.runId)
                                .put("notification_type", "load_test")
                                .put("data", new JsonObject().put("lt_run", run.runId).put("lt_seq", seqInt)
                                        .put("published_at_us", publishedAt));
                        producer.send(CloudEvents.NOTIFICATIONS, userId, CloudEvents.envelope("notification.requested",
                                userId, MonoClock.instantOfMicros(publishedAt), data));
                    },
                    sent -> run.say("published %d, received %d; last 5 s: %s".formatted(sent, uniqueReceived.get(),
                            latencies.intervalSummary())));
            producer.flush();
            run.figure("received_when_publishing_ended", uniqueReceived.get());
            run.say("published %d of %d in %.1f s (%.0f/s), sender at most %.1f ms behind schedule; Kafka acks %d, send failures %d%s"
                    .formatted(pacing.sent(), pacing.planned(), pacing.seconds(), pacing.achievedRate(),
                            pacing.maxBehindMillis(), producer.acknowledged(), producer.failed(),
                            producer.lastFailure() == null ? "" : " (" + producer.lastFailure() + ")"));
            double drained = run.drain(uniqueReceived::get, pacing.sent(), latencies);
            Processes.Snapshot cpuEnd = processes.snapshot();
            long frames = fleet.messageCount() - framesBefore;
            run.say("load average after publishing: " + Machine.loadAverage());

            run.section("results");
            long expected = pacing.sent();
            long delivered = uniqueReceived.get();
            run.say("delivered %d of %d (%.3f%%), lost (not received within %d s of the last publish) %d, duplicates %d, to the wrong user %d"
                    .formatted(delivered, expected, 100.0 * delivered / Math.max(1, expected), options.drainSeconds,
                            expected - delivered, duplicates.get(), misrouted.get()));
            run.say("drain took %.1f s; unread_count messages %d; other message types %s; unparsable %d; foreign %d"
                    .formatted(drained, unreadCounts.get(), otherTypes, fleet.unparsableCount(), foreign.get()));
            run.say("publish-to-receive latency: " + latencies.summary());
            run.steadyLatency(latencies, options.steadyAfterSeconds);
            run.say("sessions held at the end: %d of %d established; closed meanwhile by code: %s".formatted(
                    fleet.openCount(), established, fleet.closesAfterEstablished()));
            run.printCpu(cpuStart, cpuEnd);
            run.say("cpu per delivered frame (%d frames: notifications and unread counts, publishing and drain):"
                    .formatted(frames));
            Processes.cpuPerUnit(cpuStart, cpuEnd, frames, "frame").forEach(line -> run.say("  cpu " + line));
            run.figure("frames_delivered", frames);
            run.figure("edge_cpu_us_per_frame", Run.round1(Processes.microsPerUnit(cpuStart, cpuEnd, Processes.EDGE, frames)));
            run.printLag(CloudEvents.NOTIFICATIONS, SERVICE_GROUP);
            run.printMetrics(options.servicePort, List.of("realtime_ws_connections", "realtime_ws_closes_total",
                    "realtime_delivery_latency_seconds_count", "realtime_delivery_latency_seconds_sum",
                    "realtime_delivery_latency_seconds_max"));
            if (options.memory && servicePid.isPresent()) {
                run.read("notification-service after publishing", servicePid.getAsLong(), false);
                run.read("notification-service after publishing", servicePid.getAsLong(), true);
            }

            run.figure("events_published", expected);
            run.figure("rate_achieved_per_s", Run.round1(pacing.achievedRate()));
            run.figure("delivered", delivered);
            run.figure("lost", expected - delivered);
            run.figure("duplicates", duplicates.get());
            run.latencyFigures(latencies);
            return run.finish(fleet, conns);
        }
    }

    private static String user(Run run, int index) {
        return "lt-" + run.runId + "-u" + index;
    }

    private static String uri(Run run, String userId) {
        return PATH + "?token=" + run.tokens.mint(AccessTokens.Role.CUSTOMER, userId);
    }
}
