package com.laundryconnect.realtime.loadtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The command line: a scenario and its options, with each scenario's defaults (the targets of the brief). */
final class Options {

    static final String USAGE = """
            usage: load-test/run.sh SCENARIO [options]
                   load-test/run.sh lag [HOST:PORT]   (consumer lag of every group on the contract topics)
                   load-test/run.sh skip-backlog GROUP [--execute]   (move an idle group past the backlog)
              SCENARIO   notifications | tracking | partners | connect
              --sessions N            notifications: sessions (distinct users), default 10000
                                      connect: sessions set up, each fetching its token first, default 5000
                                      tracking: orders, one watching customer socket each, default 2000
                                      partners: connected partners, default 1000
              --rate R                notifications: notification.requested events per second, default 1000
                                      tracking: location.reported per order per second, default 1
                                      partners: order.assigned + earnings.credited per second in total, default 500
              --duration D            seconds of publishing, default 60
              --target URL            WebSocket origin, default ws://localhost:8000 (the edge); e.g. ws://127.0.0.1:8082
                                      to go straight to notification-service
              --kafka HOST:PORT       bootstrap server, default 127.0.0.1:9092
              --linger-ms L           the producer's linger.ms, default 0 (each event its own produce request, so
                                      no batching delay in the latency); Kafka's own default is 5
              --service-port P        port of the service under test, for its pid, memory, CPU and /q/metrics
                                      (default 8082 / 8083 / 8084)
              --connect-concurrency C handshakes in flight while opening sessions (connect: whole set-ups), default 200
              --setup-timeout S       most seconds to open all sessions, default 300
              --drain S               most seconds to wait for deliveries after the last publish, default 120
                                      (it also stops once nothing new arrived for 30 s)
              --settle S              seconds between phases (before memory readings, before publishing), default 5
              --steady-after S        also report the latency of what was published after the first S s of
                                      publishing (the whole run is always reported), default 10, at most half the
                                      duration when not given
              --secret SECRET         HS256 access-token secret, default the local profile's development secret
              --no-memory             skip the heap/RSS readings (no jcmd GC.run on the service)
              --class-histogram       print the top of the service's class histogram after the sessions are open
            Every target must be a loopback address. Every phase is bounded in time; a watchdog ends the run.""";

    private static final Set<String> VALUE_OPTIONS = Set.of("sessions", "rate", "duration", "target", "kafka",
            "service-port", "connect-concurrency", "setup-timeout", "drain", "settle", "secret", "linger-ms",
            "steady-after");
    private static final Set<String> FLAGS = Set.of("no-memory", "class-histogram");

    final String scenario;
    final int sessions;
    final double rate;
    final int durationSeconds;
    final URI target;
    final String kafka;
    final int lingerMillis;
    final int servicePort;
    final int connectConcurrency;
    final int setupTimeoutSeconds;
    final int drainSeconds;
    final int settleSeconds;
    final int steadyAfterSeconds;
    final String secret;
    final boolean memory;
    final boolean classHistogram;

    private Options(String scenario, Map<String, String> values, Set<String> flags) {
        this.scenario = scenario;
        int defaultSessions;
        double defaultRate;
        int defaultPort;
        switch (scenario) {
            case "notifications" -> {
                defaultSessions = 10_000;
                defaultRate = 1_000;
                defaultPort = 8082;
            }
            case "tracking" -> {
                defaultSessions = 2_000;
                defaultRate = 1;
                defaultPort = 8083;
            }
            case "partners" -> {
                defaultSessions = 1_000;
                defaultRate = 500;
                defaultPort = 8084;
            }
            case "connect" -> {
                defaultSessions = 5_000;
                defaultRate = 1;
                defaultPort = 8082;
            }
            default -> throw new UsageException("unknown scenario '" + scenario + "'");
        }
        this.sessions = positiveInt(values, "sessions", defaultSessions, 50_000);
        this.rate = positiveDouble(values, "rate", defaultRate, 20_000);
        this.durationSeconds = positiveInt(values, "duration", 60, 3_600);
        this.target = target(values.getOrDefault("target", "ws://localhost:8000"));
        this.kafka = values.getOrDefault("kafka", "127.0.0.1:9092");
        for (String server : kafka.split(",")) {
            int colon = server.lastIndexOf(':');
            if (colon <= 0) {
                throw new UsageException("--kafka must be HOST:PORT[,HOST:PORT...]");
            }
            Loopback.require("Kafka bootstrap server", server.substring(0, colon).strip());
        }
        this.lingerMillis = nonNegativeInt(values, "linger-ms", 0, 1_000);
        this.servicePort = positiveInt(values, "service-port", defaultPort, 65_535);
        this.connectConcurrency = positiveInt(values, "connect-concurrency", 200, 5_000);
        this.setupTimeoutSeconds = positiveInt(values, "setup-timeout", 300, 3_600);
        this.drainSeconds = nonNegativeInt(values, "drain", 120, 3_600);
        this.settleSeconds = nonNegativeInt(values, "settle", 5, 600);
        this.steadyAfterSeconds = nonNegativeInt(values, "steady-after", Math.min(10, durationSeconds / 2),
                durationSeconds - 1);
        this.secret = values.getOrDefault("secret", AccessTokens.DEVELOPMENT_SECRET);
        this.memory = !flags.contains("no-memory");
        this.classHistogram = flags.contains("class-histogram");
    }

    static Options parse(String[] args) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (FLAGS.contains(name) && value == null) {
                flags.add(name);
            } else if (VALUE_OPTIONS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        if (positionals.size() != 1) {
            throw new UsageException(positionals.isEmpty() ? "a scenario is required" : "one scenario only");
        }
        return new Options(positionals.getFirst().toLowerCase(Locale.ROOT), values, flags);
    }

    String host() {
        return target.getHost();
    }

    int port() {
        return target.getPort();
    }

    private static URI target(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target is not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("http")) {
            throw new UsageException("--target must be ws://HOST:PORT (plain, loopback)");
        }
        if (uri.getHost() == null) {
            throw new UsageException("--target has no host: " + text);
        }
        Loopback.require("--target", uri.getHost());
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return URI.create("ws://" + uri.getHost() + ":" + port);
    }

    private static int positiveInt(Map<String, String> values, String name, int fallback, int max) {
        int value = intValue(values, name, fallback);
        if (value < 1 || value > max) {
            throw new UsageException("--" + name + " must be between 1 and " + max);
        }
        return value;
    }

    private static int nonNegativeInt(Map<String, String> values, String name, int fallback, int max) {
        int value = intValue(values, name, fallback);
        if (value < 0 || value > max) {
            throw new UsageException("--" + name + " must be between 0 and " + max);
        }
        return value;
    }

    private static int intValue(Map<String, String> values, String name, int fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number");
        }
    }

    private static double positiveDouble(Map<String, String> values, String name, double fallback, double max) {
        String text = values.get(name);
        double value;
        try {
            value = text == null ? fallback : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number");
        }
        if (!(value > 0) || value > max) {
            throw new UsageException("--" + name + " must be above 0 and at most " + max);
        }
        return value;
    }
}
