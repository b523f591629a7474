package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.auth.Caller;

class SessionRateLimitTest {

    private final Session session = new Session(null,
            new Caller("u1", false, false, false, Set.of(), Instant.MAX, Caller.TokenKind.WEBSOCKET), "test", Set.of());

    @Test
    void allowsTheRateAndRefusesTheExcess() {
        long now = 1_000_000;
        for (int i = 0; i < 20; i++) {
            assertEquals(Session.RateVerdict.ALLOWED, session.countInbound(now, 20, 3));
        }
        assertEquals(Session.RateVerdict.REFUSED, session.countInbound(now + 10, 20, 3));
        assertEquals(Session.RateVerdict.ALLOWED, session.countInbound(now + 1000, 20, 3));
    }

    @Test
    void closesWhenTheExcessPersistsForConsecutiveSeconds() {
        long now = 1_000_000;
        for (int second = 0; second < 2; second++) {
            for (int i = 0; i < 21; i++) {
                session.countInbound(now + second * 1000L, 20, 3);
            }
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(Session.RateVerdict.ALLOWED, session.countInbound(now + 2000, 20, 3));
        }
        assertEquals(Session.RateVerdict.CLOSE, session.countInbound(now + 2000, 20, 3));
    }

    @Test
    void aQuietSecondForgivesEarlierExcess() {
        long now = 1_000_000;
        for (int second : new int[] {0, 1, 3}) {
            for (int i = 0; i < 20; i++) {
                session.countInbound(now + second * 1000L, 20, 3);
            }
            assertEquals(Session.RateVerdict.REFUSED, session.countInbound(now + second * 1000L, 20, 3));
        }
    }

    @Test
    void closesAFloodWithinOneSecond() {
        long now = 1_000_000;
        for (int i = 0; i < 40; i++) {
            session.countInbound(now, 20, 3);
        }
        assertEquals(Session.RateVerdict.CLOSE, session.countInbound(now, 20, 3));
    }
}
