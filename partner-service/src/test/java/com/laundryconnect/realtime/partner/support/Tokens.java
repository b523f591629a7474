package com.laundryconnect.realtime.partner.support;

import java.time.Duration;
import java.util.List;

import com.laundryconnect.realtime.session.testing.TestTokens;

/** The tokens partner tests need, named by who holds them; signed by the shared test keys of ws-session's test-jar. */
public final class Tokens {

    private Tokens() {
    }

    public static String newUserId() {
        return TestTokens.newUserId();
    }

    public static String partnerWsToken(String userId) {
        return wsToken(userId, true, List.of("partner"));
    }

    public static String wsToken(String userId, boolean partner, List<String> groups) {
        return TestTokens.wsToken(userId, partner, groups, Duration.ofHours(1));
    }

    /** An access token of the main backend (simplejwt claims), e.g. {@code groups: ["service"]} for the publish API. */
    public static String accessToken(String userId, boolean partner, List<String> groups) {
        return TestTokens.accessToken(userId, partner, groups);
    }
}
