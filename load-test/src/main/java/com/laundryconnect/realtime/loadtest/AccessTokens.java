package com.laundryconnect.realtime.loadtest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Mints HS256 access tokens like the main backend (and {@code dev/mint}) does: {@code token_type=access},
 * {@code user_id}, {@code sub}, {@code jti}, {@code iat}, {@code exp}, plus {@code is_partner}/{@code groups} for
 * partners. The WebSocket endpoints accept access tokens on connect (contract 2.2), so the load test needs neither
 * token-service nor its 30-per-minute rate limit.
 */
final class AccessTokens {

    static final String DEVELOPMENT_SECRET = "local-dev-only-access-token-secret-0123456789abcdef";
    private static final String HEADER = base64Url("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));

    enum Role { CUSTOMER, PARTNER }

    private final SecretKeySpec key;
    private final Duration timeToLive;

    AccessTokens(String secret, Duration timeToLive) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("HS256 needs a secret of at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.timeToLive = timeToLive;
    }

    String mint(Role role, String userId) {
        Instant now = Instant.now();
        JsonObject claims = new JsonObject()
                .put("token_type", "access")
                .put("user_id", userId)
                .put("sub", userId)
                .put("jti", UUID.randomUUID().toString().replace("-", ""))
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(timeToLive).getEpochSecond());
        if (role == Role.PARTNER) {
            claims.put("is_partner", true).put("groups", new JsonArray().add("partner"));
        }
        String signingInput = HEADER + "." + base64Url(claims.encode().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(sign(signingInput));
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
