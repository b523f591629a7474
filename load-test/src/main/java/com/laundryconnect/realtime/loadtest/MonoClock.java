package com.laundryconnect.realtime.loadtest;

import java.time.Instant;

/**
 * Wall-clock microseconds that never go backwards within this process: the epoch time read once at start plus
 * {@link System#nanoTime()} since. The publisher and the WebSocket clients run in the same JVM, so a publish time and
 * a receive time taken from this clock can be subtracted without any clock-sync error.
 */
public final class MonoClock {

    private static final long BASE_NANOS = System.nanoTime();
    private static final long BASE_EPOCH_MICROS;

    static {
        Instant now = Instant.now();
        BASE_EPOCH_MICROS = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private MonoClock() {
    }

    public static long micros() {
        return BASE_EPOCH_MICROS + (System.nanoTime() - BASE_NANOS) / 1_000;
    }

    public static Instant instantOfMicros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
