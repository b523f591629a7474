package com.laundryconnect.realtime.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void eachScenarioHasTheTargetsOfTheBriefAsDefaults() {
        Options notifications = Options.parse(new String[] {"notifications"});
        assertEquals(10_000, notifications.sessions);
        assertEquals(1_000, notifications.rate);
        assertEquals(60, notifications.durationSeconds);
        assertEquals("ws://localhost:8000", notifications.target.toString());
        assertEquals(8082, notifications.servicePort);

        Options tracking = Options.parse(new String[] {"tracking"});
        assertEquals(2_000, tracking.sessions);
        assertEquals(1, tracking.rate);
        assertEquals(8083, tracking.servicePort);

        Options partners = Options.parse(new String[] {"partners"});
        assertEquals(1_000, partners.sessions);
        assertEquals(500, partners.rate);
        assertEquals(8084, partners.servicePort);
    }

    @Test
    void eventsAreNotBatchedByTheProducerUnlessAsked() {
        assertEquals(0, Options.parse(new String[] {"notifications"}).lingerMillis);
        assertEquals(5, Options.parse(new String[] {"notifications", "--linger-ms", "5"}).lingerMillis);
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"notifications", "--linger-ms", "-1"}));
    }

    @Test
    void theSteadyPhaseStartsTenSecondsInOrHalfWayThroughAShortRun() {
        assertEquals(10, Options.parse(new String[] {"partners"}).steadyAfterSeconds);
        assertEquals(4, Options.parse(new String[] {"partners", "--duration", "8"}).steadyAfterSeconds);
        assertEquals(20, Options.parse(new String[] {"partners", "--steady-after", "20"}).steadyAfterSeconds);
        assertThrows(UsageException.class,
                () -> Options.parse(new String[] {"partners", "--duration", "30", "--steady-after", "30"}));
    }

    @Test
    void optionsTakeSeparateOrInlineValues() {
        Options options = Options.parse(new String[] {"--sessions", "200", "notifications", "--rate=50",
                "--duration", "10", "--target", "ws://127.0.0.1:8082", "--no-memory"});
        assertEquals(200, options.sessions);
        assertEquals(50, options.rate);
        assertEquals(10, options.durationSeconds);
        assertEquals("127.0.0.1", options.host());
        assertEquals(8082, options.port());
        assertFalse(options.memory);
        assertTrue(Options.parse(new String[] {"partners"}).memory);
    }

    @Test
    void onlyLoopbackTargetsAreAccepted() {
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"notifications", "--target", "ws://10.1.2.3:8000"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"notifications", "--kafka", "192.168.1.10:9092"}));
        assertEquals(8000, Options.parse(new String[] {"notifications", "--target", "ws://[::1]:8000"}).port());
    }

    @Test
    void badCommandLinesAreRefused() {
        assertThrows(UsageException.class, () -> Options.parse(new String[] {}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"chat"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"tracking", "--sessions", "0"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"tracking", "--rate", "-1"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"tracking", "--bogus", "1"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"tracking", "--duration"}));
        assertThrows(UsageException.class, () -> Options.parse(new String[] {"tracking", "--target", "https://localhost:8000"}));
    }
}
