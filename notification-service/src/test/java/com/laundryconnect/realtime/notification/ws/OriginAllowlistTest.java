package com.laundryconnect.realtime.notification.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The Origin allowlist of contract 4, which is off unless configured. */
@QuarkusTest
@TestProfile(OriginAllowlistTest.WithAllowlist.class)
class OriginAllowlistTest {

    public static class WithAllowlist implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("realtime.ws.allowed-origins", "http://localhost:8000,https://app.laundryconnect.in");
        }
    }

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Test
    void upgradesFromOtherOriginsAreRefusedWith403() {
        URI uri = URI.create(endpoint + "?token=" + TestTokens.wsToken(TestTokens.newUserId()));
        assertEquals(403, TestSocket.rejectedUpgradeStatus(uri, Map.of("Origin", "https://evil.example")));
        try (TestSocket allowed = TestSocket.connect(uri, Map.of("Origin", "https://app.laundryconnect.in"), List.of())) {
            assertEquals("connection_established", allowed.next().getString("type"));
        }
        try (TestSocket withoutOrigin = TestSocket.connect(uri)) {
            assertEquals("connection_established", withoutOrigin.next().getString("type"));
        }
    }
}
