package com.laundryconnect.realtime.loadtest;

import java.time.Instant;

/**
 * Load test of the LaundryConnect Realtime suite on this machine: {@code notifications}, {@code tracking},
 * {@code partners} or {@code connect}. Prints the command line, the machine, progress, and the figures; the last line is
 * {@code RESULT {json}}. Exit status: 0 when the run completed (whatever the figures), 1 when no session could be
 * opened, 2 for a bad command line, 3 when the watchdog ended an overlong run.
 */
public final class LoadTest {

    private LoadTest() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(Options.USAGE);
            return;
        }
        if (args.length >= 1 && args[0].equals("lag")) {
            // Consumer lag of every group on the contract topics: is a service still working off a backlog?
            String bootstrap = args.length > 1 ? args[1] : "127.0.0.1:9092";
            Loopback.require("Kafka bootstrap server", bootstrap.substring(0, Math.max(0, bootstrap.lastIndexOf(':'))));
            for (String topic : java.util.List.of(CloudEvents.NOTIFICATIONS, CloudEvents.ORDERS, CloudEvents.LOCATIONS,
                    CloudEvents.PARTNER_EARNINGS)) {
                new java.util.TreeMap<>(ConsumerLag.onTopic(bootstrap, topic))
                        .forEach((group, lag) -> System.out.printf("%-28s %-28s lag %d%n", topic, group, lag));
            }
            return;
        }
        if (args.length >= 2 && args[0].equals("skip-backlog")) {
            boolean execute = java.util.Arrays.asList(args).contains("--execute");
            System.exit(SkipBacklog.run("127.0.0.1:9092", args[1], execute));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            System.err.println("load-test: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Run run = new Run(options);
        startWatchdog(run);
        System.out.println("LaundryConnect Realtime load test, scenario " + options.scenario);
        System.out.println("command: " + System.getProperty("loadtest.command", "LoadTest " + String.join(" ", args)));
        System.out.println("date: " + Instant.now());
        System.out.println("run id: " + run.runId + " (prefix of every user, order and partner id of this run: lt-"
                + run.runId + "-)");
        System.out.println("settings: sessions " + options.sessions + ", rate " + options.rate + ", duration "
                + options.durationSeconds + " s, target " + options.target + ", kafka " + options.kafka
                + ", linger " + options.lingerMillis + " ms, service port " + options.servicePort
                + ", connect concurrency " + options.connectConcurrency
                + ", drain " + options.drainSeconds + " s, settle " + options.settleSeconds + " s");
        Machine.describe().forEach(line -> System.out.println("machine: " + line));
        run.figure("scenario", options.scenario);
        run.figure("date", Instant.now().toString());
        run.figure("target", options.target.toString());
        run.figure("load_average_at_start", Machine.loadAverage());
        int status;
        try {
            status = switch (options.scenario) {
                case "notifications" -> NotificationsScenario.run(run);
                case "tracking" -> TrackingScenario.run(run);
                case "partners" -> PartnersScenario.run(run);
                case "connect" -> ConnectScenario.run(run);
                default -> throw new IllegalStateException("unreachable");
            };
        } catch (RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        run.say("done in %.0f s; load average %s".formatted((System.nanoTime() - run.startNanos) / 1e9, Machine.loadAverage()));
        System.exit(status);
    }

    /** Ends the JVM if a run outlives every phase's bound together plus a margin: no run can hang around. */
    private static void startWatchdog(Run run) {
        Options options = run.options;
        long limitSeconds = 2L * options.setupTimeoutSeconds + options.durationSeconds + 10 + options.drainSeconds
                + 6L * options.settleSeconds + 300;
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limitSeconds * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("load-test: watchdog: the run exceeded " + limitSeconds + " s; stopping");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
