package com.laundryconnect.realtime.partner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

/** Opens {@code /ws/partner/} the way the guide's PartnerWebSocket does: {@code ?token=...}. */
public final class PartnerSockets {

    private PartnerSockets() {
    }

    public static TestSocket connect(URI endpoint, String token) {
        return TestSocket.connect(URI.create(endpoint + "?token=" + token));
    }

    /**
     * Reconnects the way a resuming client does, {@code ?token=...&<parameter>=<value>} ({@code since} or its alias
     * {@code last_event_id}); the session's {@code connection_established} is still to be read.
     */
    public static TestSocket resume(URI endpoint, String partnerId, String parameter, String value) {
        return TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.partnerWsToken(partnerId) + "&" + parameter
                + "=" + value));
    }

    /** A partner's session, past its {@code connection_established}. */
    public static TestSocket connectPartner(URI endpoint, String partnerId) {
        TestSocket socket = connect(endpoint, TestTokens.partnerWsToken(partnerId));
        assertEquals("connection_established", socket.next().getString("type"));
        return socket;
    }
}
