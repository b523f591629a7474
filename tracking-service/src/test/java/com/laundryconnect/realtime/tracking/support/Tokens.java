package com.laundryconnect.realtime.tracking.support;

import java.time.Duration;
import java.util.List;

import com.laundryconnect.realtime.session.testing.TestTokens;

/**
 * The tokens tracking tests need, named by who holds them: WS tokens as token-service signs them and access tokens as
 * the main backend does, both with the shared test keys of ws-session's test-jar.
 */
public final class Tokens {

    private static final Duration TEST_TOKEN_LIFETIME = Duration.ofMinutes(10);

    private Tokens() {
    }

    public static String newUserId() {
        return TestTokens.newUserId();
    }

    public static String customer(String userId) {
        return ws(userId, false, List.of(), TEST_TOKEN_LIFETIME);
    }

    public static String partner(String userId) {
        return ws(userId, true, List.of("partner"), TEST_TOKEN_LIFETIME);
    }

    public static String staff(String userId) {
        return ws(userId, false, List.of("staff"), TEST_TOKEN_LIFETIME);
    }

    public static String ws(String userId, boolean partner, List<String> groups, Duration ttl) {
        return TestTokens.wsToken(userId, partner, groups, ttl);
    }

    /** An access token of the main backend for a service caller (groups contain {@code service}). */
    public static String service() {
        return access(newUserId(), List.of("service"));
    }

    public static String access(String userId, List<String> groups) {
        return TestTokens.accessToken(userId, false, groups);
    }
}
