package com.laundryconnect.realtime.faulttest;

import java.util.ArrayList;
import java.util.List;

/** The command line of the suite; {@link #parse} throws {@link IllegalArgumentException} with what is wrong. */
record Options(int events, double rate, int users, List<Fault> faults, long drainSeconds, long outageMillis,
               long kafkaOutageMillis) {

    static final String USAGE = """
            usage: fault-test/run.sh [--no-build] [--short] [--events N] [--rate R] [--users U] [--faults a,b,...]
                                     [--drain SECONDS]
              --short     300 events instead of 3,000 (the CI run)
              --events    notifications (chat messages, earnings credits) per fault, default 3000
              --rate      events per second, default 100
              --users     users with a live session each, default 50
              --faults    which faults, in this order, default all: %s
              --drain     how long to wait for the last deliveries after the fault is over, default 60""".formatted(
            String.join(",", Fault.ids()));

    private static final int SHORT_EVENTS = 300;
    private static final long OUTAGE_MILLIS = 5_000;
    private static final long KAFKA_OUTAGE_MILLIS = 10_000;

    static Options parse(String[] args) {
        int events = 3_000;
        double rate = 100;
        int users = 50;
        List<Fault> faults = List.of(Fault.values());
        long drainSeconds = 60;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--short")) {
                events = SHORT_EVENTS;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--events" -> events = positive(option, value);
                case "--rate" -> rate = positive(option, value);
                case "--users" -> users = positive(option, value);
                case "--drain" -> drainSeconds = positive(option, value);
                case "--faults" -> faults = faults(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new Options(events, rate, users, faults, drainSeconds, OUTAGE_MILLIS, KAFKA_OUTAGE_MILLIS);
    }

    private static List<Fault> faults(String value) {
        List<Fault> faults = new ArrayList<>();
        for (String id : value.split(",")) {
            faults.add(Fault.withId(id.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown fault '" + id + "'; known: " + String.join(",", Fault.ids()))));
        }
        return faults;
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'");
    }
}
