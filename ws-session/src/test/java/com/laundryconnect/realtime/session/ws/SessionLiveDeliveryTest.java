package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.auth.Caller;

/** What a resuming session does with live deliveries during and after its replay. */
class SessionLiveDeliveryTest {

    private final Session session = new Session(null,
            new Caller("u1", false, false, false, Set.of(), Instant.MAX, Caller.TokenKind.WEBSOCKET), "test", Set.of());

    @Test
    void holdsLiveDeliveriesUntilTheReplayIsOverThenWritesThem() {
        Delivery live = new Delivery("7", "{\"id\":7}");
        session.hold();

        assertEquals(Session.LiveDelivery.HELD, session.offerLive(live));
        assertEquals(List.of(live), session.drainHeld());
        assertEquals(List.of(), session.drainHeld());
        assertEquals(Session.LiveDelivery.WRITE, session.offerLive(new Delivery("8", "{\"id\":8}")));
    }

    @Test
    void aReplayedMessageWhoseLivePushComesAfterTheHoldIsNotWrittenAgain() {
        session.hold();
        session.replayed(Set.of("7"));
        session.drainHeld();

        assertEquals(Session.LiveDelivery.ALREADY_SENT, session.offerLive(new Delivery("7", "{\"id\":7}")));
        assertEquals(Session.LiveDelivery.WRITE, session.offerLive(new Delivery("8", "{\"id\":8}")));
        assertEquals(Session.LiveDelivery.WRITE, session.offerLive(new Delivery(null, "{\"type\":\"unread_count\"}")));
    }
}
