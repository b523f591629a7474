package com.laundryconnect.realtime.session.auth;

import java.time.Instant;
import java.util.Set;

/**
 * Who is on the other end of a request or a WebSocket session, as read from a verified token.
 *
 * @param expiresAt when the token stops being valid, skew included: an open session is closed with 4001 then
 */
public record Caller(String userId, boolean partner, boolean staff, boolean service, Set<String> groups,
                     Instant expiresAt, TokenKind tokenKind) {

    public enum TokenKind { ACCESS, WEBSOCKET }
}
