package com.laundryconnect.realtime.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void theSteadyPhaseCountsOnlyWhatWasPublishedFromItsStartWhileTheWholeRunCountsEverything() {
        Latencies latencies = new Latencies();
        latencies.startSteadyPhaseAt(10_000_000);
        for (int i = 0; i < 100; i++) {
            latencies.record(9_000_000 + i, 9_000_000 + i + 500_000);
            latencies.record(10_000_000 + i, 10_000_000 + i + 20_000);
        }

        assertTrue(latencies.summary().startsWith("n=200 "));
        assertEquals(500, latencies.percentileMillis(99), 1);
        Latencies steady = latencies.steadyPhase();
        assertEquals(20, steady.percentileMillis(50), 0.1);
        assertEquals(20, steady.percentileMillis(99), 0.1);
        assertTrue(steady.summary().startsWith("n=100 "));
    }

    @Test
    void withoutASteadyPhaseItHasNoSamples() {
        Latencies latencies = new Latencies();
        latencies.record(1_000, 2_000);

        assertEquals("no samples", latencies.steadyPhase().summary());
        assertTrue(Double.isNaN(latencies.steadyPhase().percentileMillis(99)));
    }
}
