package com.laundryconnect.realtime.loadtest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.vertx.core.json.JsonObject;

/** What every scenario shares: options, a run id that keeps this run's users and orders apart, output, readings. */
final class Run {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    final Options options;
    final String runId;
    final AccessTokens tokens;
    final Map<String, Object> figures = new LinkedHashMap<>();
    final long startNanos = System.nanoTime();

    Run(Options options) {
        this.options = options;
        // Seconds and pid: runs started in the same second (several tools against several replicas) stay apart.
        this.runId = Long.toString(System.currentTimeMillis() / 1000, 36) + Long.toString(ProcessHandle.current().pid(), 36);
        // Valid through setup, publishing and drain, with an hour to spare; sessions never hit expiry mid-run.
        long runSeconds = options.setupTimeoutSeconds + options.durationSeconds + options.drainSeconds
                + 4L * options.settleSeconds + 3_600;
        this.tokens = new AccessTokens(options.secret, Duration.ofSeconds(runSeconds));
    }

    void say(String text) {
        System.out.println("[" + STAMP.format(Instant.now()) + "] " + text);
        System.out.flush();
    }

    void section(String title) {
        System.out.println();
        System.out.println("== " + title + " ==");
        System.out.flush();
    }

    void figure(String key, Object value) {
        figures.put(key, value);
    }

    /**
     * Waits after the last publish until {@code expected} messages arrived, or nothing new arrived for
     * {@link #STALL_SECONDS} s, or {@code --drain} seconds passed, printing progress every 5 s; returns the seconds
     * it waited.
     */
    double drain(java.util.function.LongSupplier received, long expected, Latencies latencies) {
        return drain(received, expected, received, latencies);
    }

    /** Like {@link #drain(java.util.function.LongSupplier, long, Latencies)}, judging a stall by {@code activity}. */
    double drain(java.util.function.LongSupplier received, long expected, java.util.function.LongSupplier activity,
                 Latencies latencies) {
        long start = System.nanoTime();
        long deadline = start + options.drainSeconds * 1_000_000_000L;
        long nextProgress = start + 5_000_000_000L;
        long lastCount = activity.getAsLong();
        long lastChange = start;
        while (received.getAsLong() < expected && System.nanoTime() < deadline) {
            ProcessProbe.sleepQuietly(100);
            long now = System.nanoTime();
            long count = activity.getAsLong();
            if (count != lastCount) {
                lastCount = count;
                lastChange = now;
            } else if (now - lastChange > STALL_SECONDS * 1_000_000_000L) {
                say("draining: nothing new for " + STALL_SECONDS + " s; giving up");
                break;
            }
            if (now >= nextProgress) {
                nextProgress += 5_000_000_000L;
                say("draining: %d of %d received; last 5 s: %s".formatted(received.getAsLong(), expected,
                        latencies.intervalSummary()));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static final long STALL_SECONDS = 30;

    void settle(String why) {
        if (options.settleSeconds > 0) {
            say("settling " + options.settleSeconds + " s (" + why + ")");
            ProcessProbe.sleepQuietly(options.settleSeconds * 1000L);
        }
    }

    long deadlineAfterSeconds(long seconds) {
        return System.nanoTime() + seconds * 1_000_000_000L;
    }

    void reportOpening(SocketFleet fleet, int wanted, double seconds) {
        say("sessions: %d of %d established in %.1f s (%.0f/s)".formatted(fleet.establishedCount(), wanted, seconds,
                fleet.establishedCount() / Math.max(seconds, 0.001)));
        fleet.failures().forEach((reason, count) -> say("  failed: %d x %s".formatted(count.get(), reason)));
        fleet.retriedFailures().forEach((reason, count) -> say("  attempts failed and retried: %d x %s".formatted(count.get(), reason)));
        figure("failed_attempts_retried", fleet.retriedFailures().values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum());
    }

    /**
     * Opens the sessions, reports how that went and, when there is a reading from before, what the sessions cost the
     * service; returns the indexes of the sessions that were established.
     */
    List<Integer> openSessions(SocketFleet fleet, List<SocketFleet.Conn> conns, SocketFleet.RetryPolicy retry,
                               Options options, String service, Reading before, OptionalLong servicePid) {
        long openStart = System.nanoTime();
        fleet.openAll(conns, options.connectConcurrency, 60_000, 1_000, deadlineAfterSeconds(options.setupTimeoutSeconds),
                retry, this::say);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        reportOpening(fleet, conns.size(), openSeconds);
        int established = fleet.establishedCount();
        figure("sessions_wanted", conns.size());
        figure("sessions_established", established);
        figure("open_seconds", round1(openSeconds));
        settle("idle sessions");
        if (before != null) {
            Reading after = read(service + " with " + established + " sessions", servicePid.getAsLong(), true);
            say("per session: heap %.1f KB, RSS %.1f KB".formatted(
                    (after.heapUsedKb() - before.heapUsedKb()) * 1.024 / Math.max(1, established),
                    (after.rssKb() - before.rssKb()) * 1.024 / Math.max(1, established)));
        }
        return conns.stream().filter(conn -> conn.established).map(conn -> conn.index).toList();
    }

    /**
     * The latency of what was published after the first {@code seconds} of publishing: the first seconds carry this
     * tool's JIT compilation (a fresh JVM every run) on the cores the suite uses (BENCHMARKS.md section 17). Reported
     * beside the whole run's figures, never instead of them.
     */
    void steadyLatency(Latencies latencies, int seconds) {
        Latencies steady = latencies.steadyPhase();
        say("  after the first %d s of publishing: %s".formatted(seconds, steady.summary()));
        figure("steady_after_s", seconds);
        latencyFigures("latency_steady_", steady);
    }

    /** The publish-to-receive figures of the RESULT line. */
    void latencyFigures(Latencies latencies) {
        latencyFigures("latency_", latencies);
    }

    private void latencyFigures(String prefix, Latencies latencies) {
        figure(prefix + "p50_ms", round1(latencies.percentileMillis(50)));
        figure(prefix + "p99_ms", round1(latencies.percentileMillis(99)));
        figure(prefix + "max_ms", round1(latencies.maxMillis()));
    }

    /** The end of a scenario that ran: how many sessions held, then they are closed and the RESULT line printed. */
    int finish(SocketFleet fleet, List<SocketFleet.Conn> conns) {
        figure("sessions_held_at_end", fleet.openCount());
        section("closing sessions");
        fleet.closeAll(conns, 20_000);
        say("closed; sessions still open: " + fleet.openCount());
        printResult();
        return 0;
    }

    /** The pid of whatever listens on {@code port}, said aloud. */
    OptionalLong pidOn(String what, int port) {
        OptionalLong pid = ProcessProbe.pidListeningOn(port);
        if (pid.isEmpty()) {
            say(what + ": nothing found listening on port " + port + " (no memory/CPU readings for it)");
        } else {
            say(what + ": pid " + pid.getAsLong() + " (port " + port + ")");
        }
        return pid;
    }

    /** A memory reading of one process, optionally after full collections; printed and returned. */
    record Reading(long heapUsedKb, long heapCommittedKb, long rssKb, long peakRssKb, long openFiles, long threads) {
    }

    Reading read(String label, long pid, boolean afterFullGc) {
        Optional<ProcessProbe.Heap> heap = afterFullGc ? ProcessProbe.heapAfterFullGc(pid) : ProcessProbe.heap(pid);
        Optional<ProcessProbe.Memory> memory = ProcessProbe.memory(pid);
        Reading reading = new Reading(heap.map(ProcessProbe.Heap::usedKb).orElse(-1L),
                heap.map(ProcessProbe.Heap::committedKb).orElse(-1L),
                memory.map(ProcessProbe.Memory::rssKb).orElse(-1L), memory.map(ProcessProbe.Memory::peakRssKb).orElse(-1L),
                ProcessProbe.openFiles(pid), ProcessProbe.threads(pid));
        say("%s: heap used %s%s (committed %s), RSS %s (peak %s), %d open files, %d threads".formatted(label,
                mib(reading.heapUsedKb()), afterFullGc ? " after full GC" : "", mib(reading.heapCommittedKb()),
                mib(reading.rssKb()), mib(reading.peakRssKb()), reading.openFiles(), reading.threads()));
        return reading;
    }

    /** The RSS of a process and its relatives of the same name (nginx: master and workers) in KiB, printed. */
    long rssOfFamily(String label, long pid) {
        List<Long> family = ProcessProbe.family(pid);
        long rss = 0;
        long openFiles = 0;
        for (long member : family) {
            rss += ProcessProbe.memory(member).map(ProcessProbe.Memory::rssKb).orElse(0L);
            openFiles += Math.max(0, ProcessProbe.openFiles(member));
        }
        say("%s: RSS %s, %d open files, in %d processes (%s)".formatted(label, mib(rss), openFiles, family.size(),
                ProcessProbe.command(pid).orElse("?")));
        return rss;
    }

    boolean isJvm(long pid) {
        return ProcessProbe.command(pid).map(command -> command.equals("java")).orElse(false);
    }

    static String mib(long kb) {
        return kb < 0 ? "n/a" : "%.1f MiB".formatted(kb / 1024.0);
    }

    static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : "%.1f ms".formatted(value);
    }

    void printLag(String topic, String expectedGroup) {
        Map<String, Long> lag = ConsumerLag.onTopic(options.kafka, topic);
        if (lag.isEmpty()) {
            say("consumer lag on " + topic + ": no group has committed offsets");
            return;
        }
        lag.forEach((group, value) -> say("consumer lag on %s, group %s: %d%s".formatted(topic, group, value,
                group.equals(expectedGroup) ? "  <- the service under test" : "")));
        Long ours = lag.get(expectedGroup);
        figure("consumer_lag_" + topic + "_" + expectedGroup, ours == null ? "n/a" : ours);
    }

    /** Waits until {@code group} has consumed everything on {@code topic} (lag 0), at most {@code maxSeconds}. */
    boolean awaitNoLag(String topic, String group, long maxSeconds) {
        long deadline = deadlineAfterSeconds(maxSeconds);
        long nextProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Long lag = ConsumerLag.onTopic(options.kafka, topic).get(group);
            if (lag != null && lag == 0) {
                say("group " + group + " has consumed everything on " + topic);
                return true;
            }
            if (System.nanoTime() >= nextProgress) {
                nextProgress += 5_000_000_000L;
                say("waiting for group %s on %s: lag %s".formatted(group, topic, lag == null ? "unknown" : lag));
            }
            ProcessProbe.sleepQuietly(1_000);
        }
        say("group " + group + " still behind on " + topic + " after " + maxSeconds + " s");
        return false;
    }

    void printMetrics(int port, List<String> prefixes) {
        for (String line : ServiceMetrics.lines(port, prefixes)) {
            say("  service metric: " + line);
        }
    }

    void printCpu(Processes.Snapshot before, Processes.Snapshot after) {
        for (String line : Processes.cpuBetween(before, after)) {
            say("  cpu " + line);
        }
    }

    /** The figures as one JSON line, for tables and scripts. */
    void printResult() {
        JsonObject json = new JsonObject();
        figures.forEach((key, value) -> json.put(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", "_"),
                value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value));
        System.out.println();
        System.out.println("RESULT " + json.encode());
        System.out.flush();
    }

    static double round1(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }
}
