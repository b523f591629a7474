package com.laundryconnect.realtime.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Publish-to-receive latencies in microseconds (up to 10 minutes, 3 significant digits). Event loops record
 * through a {@link Recorder} (wait-free); readers take its interval histograms and add them up under a lock, so
 * reading never races with recording.
 */
final class Latencies {

    private static final long HIGHEST_TRACKABLE_MICROS = 600_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    private final Histogram sinceLastSummary = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    private Histogram recycled;
    /** What was published from {@link #startSteadyPhaseAt}'s time on; null in that phase's own instance. */
    private final Latencies steadyPhase;
    private volatile long steadyFromMicros = Long.MAX_VALUE;

    Latencies() {
        this.steadyPhase = new Latencies(null);
    }

    private Latencies(Latencies steadyPhase) {
        this.steadyPhase = steadyPhase;
    }

    void record(long micros) {
        recorder.recordValue(Math.min(Math.max(0, micros), HIGHEST_TRACKABLE_MICROS));
    }

    /**
     * Records the latency of a message published at {@code publishedMicros}; it also counts in {@link #steadyPhase}
     * when it was published after {@link #startSteadyPhaseAt}'s time.
     */
    void record(long publishedMicros, long receivedMicros) {
        long micros = receivedMicros - publishedMicros;
        record(micros);
        if (publishedMicros >= steadyFromMicros) {
            steadyPhase.record(micros);
        }
    }

    /** Messages published from this time on (MonoClock micros) form the steady phase. */
    void startSteadyPhaseAt(long micros) {
        steadyFromMicros = micros;
    }

    private synchronized Histogram collect() {
        recycled = recorder.getIntervalHistogram(recycled);
        total.add(recycled);
        sinceLastSummary.add(recycled);
        return total;
    }

    /** The latencies of what was published from {@link #startSteadyPhaseAt}'s time on, read as the whole run's are. */
    Latencies steadyPhase() {
        return steadyPhase;
    }

    synchronized double percentileMillis(double percentile) {
        Histogram histogram = collect();
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMillis() {
        Histogram histogram = collect();
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }

    /** p50/p99/max since the previous call, for the progress lines. */
    synchronized String intervalSummary() {
        collect();
        if (sinceLastSummary.getTotalCount() == 0) {
            return "no samples";
        }
        String summary = "p50 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(sinceLastSummary.getValueAtPercentile(50) / 1000.0,
                sinceLastSummary.getValueAtPercentile(99) / 1000.0, sinceLastSummary.getMaxValue() / 1000.0);
        sinceLastSummary.reset();
        return summary;
    }

    synchronized String summary() {
        Histogram histogram = collect();
        if (histogram.getTotalCount() == 0) {
            return "no samples";
        }
        return "n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms, mean %.1f ms".formatted(
                histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getValueAtPercentile(99.9) / 1000.0, histogram.getMaxValue() / 1000.0,
                histogram.getMean() / 1000.0);
    }
}
