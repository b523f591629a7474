package com.laundryconnect.realtime.faulttest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theFullRunIs3000EventsAt100PerSecondFor50UsersAndEveryFault() {
        Options options = Options.parse(new String[0]);

        assertEquals(3_000, options.events());
        assertEquals(100, options.rate());
        assertEquals(50, options.users());
        assertEquals(List.of(Fault.values()), options.faults());
    }

    @Test
    void theShortRunIs300EventsAndFaultsAreChosenInTheOrderGiven() {
        Options options = Options.parse(new String[] {"--short", "--faults", "kafka-kill,redis-restart"});

        assertEquals(300, options.events());
        assertEquals(List.of(Fault.KAFKA_KILL, Fault.REDIS_RESTART), options.faults());
    }

    @Test
    void anUnknownFaultIsRefusedWithTheKnownOnes() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--faults", "disk-full"}));

        assertEquals("unknown fault 'disk-full'; known: " + String.join(",", Fault.ids()), refusal.getMessage());
    }

    @Test
    void aNonPositiveCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--events", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--rate"}));
    }
}
