package com.laundryconnect.realtime.session.ws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import io.quarkus.websockets.next.HandshakeRequest;

/** Finds the token of a WebSocket handshake: the {@code token} query parameter, else a {@code bearer.<token>} subprotocol. */
final class SessionTokens {

    private static final String BEARER_PROTOCOL_PREFIX = "bearer.";

    private SessionTokens() {
    }

    static Optional<String> of(HandshakeRequest request) {
        return queryParameter(request.query(), "token")
                .or(() -> bearerSubprotocol(request.header(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL))
                        .map(protocol -> protocol.substring(BEARER_PROTOCOL_PREFIX.length())));
    }

    static Optional<String> queryParameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                try {
                    return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8)).filter(v -> !v.isBlank());
                } catch (IllegalArgumentException malformedEscape) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> bearerSubprotocol(String header) {
        if (header == null) {
            return Optional.empty();
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(protocol -> protocol.startsWith(BEARER_PROTOCOL_PREFIX) && protocol.length() > BEARER_PROTOCOL_PREFIX.length())
                .findFirst();
    }
}
