package com.laundryconnect.realtime.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The processes of the local suite found by their ports, and their CPU use between two snapshots: shows which of
 * Kafka, PostgreSQL, Redis, the edge, the services and the load tool itself took the machine's two cores. A process
 * counts with its relatives of the same name ({@link ProcessProbe#family}): the edge is nginx's master and workers.
 */
final class Processes {

    static final String EDGE = "edge :8000";
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put(EDGE, 8000);
        PORTS.put("token-service :8081", 8081);
        PORTS.put("notification-service :8082", 8082);
        PORTS.put("tracking-service :8083", 8083);
        PORTS.put("partner-service :8084", 8084);
        PORTS.put("kafka :9092", 9092);
        PORTS.put("redis :6379", 6379);
    }

    private final Map<String, List<Long>> pids = new LinkedHashMap<>();

    Processes() {
        PORTS.forEach((name, port) -> {
            OptionalLong pid = ProcessProbe.pidListeningOn(port);
            if (pid.isPresent()) {
                pids.put(name, ProcessProbe.family(pid.getAsLong()));
            }
        });
        pids.put("load-test (this process)", List.of(ProcessHandle.current().pid()));
    }

    /** The pids counted under each name, e.g. nginx's master and workers under the edge. */
    Map<String, List<Long>> pids() {
        return pids;
    }

    /** CPU milliseconds per process (and all postgres processes together), plus the machine's busy/total jiffies. */
    Snapshot snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, family) -> cpu.put(name, cpuMillisOf(family)));
        cpu.put("postgres (all processes)", ProcessProbe.cpuMillisOfAll("postgres"));
        return new Snapshot(System.nanoTime(), cpu, ProcessProbe.systemCpuJiffies());
    }

    /** The sum over the family; -1 when one of them is gone, so that a reading across a restart is not compared. */
    private static long cpuMillisOf(List<Long> family) {
        long total = 0;
        for (long pid : family) {
            long millis = ProcessProbe.cpuMillis(pid);
            if (millis < 0) {
                return -1;
            }
            total += millis;
        }
        return total;
    }

    record Snapshot(long nanos, Map<String, Long> cpuMillis, long[] systemJiffies) {
    }

    /**
     * Lines "name: N us per UNIT" between two snapshots: what one unit of work (a delivered frame, a new session) cost
     * each process.
     */
    static List<String> cpuPerUnit(Snapshot before, Snapshot after, long units, String unit) {
        List<String> lines = new ArrayList<>();
        if (units <= 0) {
            return lines;
        }
        for (var entry : after.cpuMillis().entrySet()) {
            Long start = before.cpuMillis().get(entry.getKey());
            if (start == null || start < 0 || entry.getValue() < 0 || entry.getValue() < start) {
                continue;
            }
            lines.add("%-30s %7.1f us per %s".formatted(entry.getKey() + ":",
                    (entry.getValue() - start) * 1000.0 / units, unit));
        }
        return lines;
    }

    /** CPU microseconds per unit of the process counted under {@code name}; NaN when it was not found. */
    static double microsPerUnit(Snapshot before, Snapshot after, String name, long units) {
        Long start = before.cpuMillis().get(name);
        Long end = after.cpuMillis().get(name);
        if (start == null || end == null || start < 0 || end < start || units <= 0) {
            return Double.NaN;
        }
        return (end - start) * 1000.0 / units;
    }

    /** Lines "name: 85% of one core" between two snapshots, and the whole machine's busy share. */
    static List<String> cpuBetween(Snapshot before, Snapshot after) {
        List<String> lines = new ArrayList<>();
        double wallMillis = (after.nanos() - before.nanos()) / 1e6;
        long[] b = before.systemJiffies();
        long[] a = after.systemJiffies();
        double machineBusy = a[1] - b[1] > 0 ? 100.0 * (a[0] - b[0]) / (a[1] - b[1]) : Double.NaN;
        lines.add("whole machine: %.0f%% busy (of %d cores) over %.0f s".formatted(machineBusy,
                Runtime.getRuntime().availableProcessors(), wallMillis / 1000));
        double accounted = 0;
        for (var entry : after.cpuMillis().entrySet()) {
            Long start = before.cpuMillis().get(entry.getKey());
            if (start == null || start < 0 || entry.getValue() < 0) {
                continue;
            }
            double share = 100.0 * (entry.getValue() - start) / wallMillis;
            if (share < 0) {
                // a sum over processes (postgres backends) that lost members meanwhile: not comparable
                lines.add("%-30s   n/a (processes exited meanwhile)".formatted(entry.getKey() + ":"));
                continue;
            }
            accounted += share;
            lines.add("%-30s %5.0f%% of one core".formatted(entry.getKey() + ":", share));
        }
        double totalCores = Runtime.getRuntime().availableProcessors() * 100.0;
        double busyCores = machineBusy * Runtime.getRuntime().availableProcessors();
        lines.add("%-30s %5.0f%% of one core (other engineers' builds and tests, the OS)".formatted("everything else:",
                Math.max(0, Math.min(totalCores, busyCores) - accounted)));
        return lines;
    }
}
