package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void readsAndDecodesTheTokenQueryParameter() {
        assertEquals(Optional.of("a.b+c"), SessionTokens.queryParameter("since=5&token=a.b%2Bc", "token"));
        assertEquals(Optional.empty(), SessionTokens.queryParameter("tokens=x", "token"));
        assertEquals(Optional.empty(), SessionTokens.queryParameter("token=", "token"));
        assertEquals(Optional.empty(), SessionTokens.queryParameter(null, "token"));
    }

    @Test
    void findsTheBearerSubprotocolAmongOthers() {
        assertEquals(Optional.of("bearer.abc"), SessionTokens.bearerSubprotocol("json, bearer.abc"));
        assertEquals(Optional.empty(), SessionTokens.bearerSubprotocol("bearer."));
        assertEquals(Optional.empty(), SessionTokens.bearerSubprotocol("graphql-ws"));
    }
}
