package com.laundryconnect.realtime.tracking.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

/**
 * Tokens as token-service (WS tokens, ES256 with the test key whose public half is in test-ws-jwks.json) and the main
 * backend (HS256 access tokens with the %test secret) issue them.
 */
public final class Tokens {

    private static final String ACCESS_TOKEN_SECRET = "test-only-access-token-secret-0123456789abcdef";
    private static final PublicJsonWebKey WS_SIGNING_KEY = loadSigningKey();

    private Tokens() {
    }

    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    public static String customer(String userId) {
        return ws(userId, false, List.of(), Duration.ofMinutes(10));
    }

    public static String partner(String userId) {
        return ws(userId, true, List.of("partner"), Duration.ofMinutes(10));
    }

    public static String staff(String userId) {
        return ws(userId, false, List.of("staff"), Duration.ofMinutes(10));
    }

    public static String ws(String userId, boolean partner, List<String> groups, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("laundryconnect-realtime");
        claims.setAudience("realtime-ws");
        claims.setSubject(userId);
        claims.setClaim("user_id", userId);
        claims.setClaim("is_partner", partner);
        claims.setStringListClaim("groups", groups);
        claims.setClaim("token_type", "ws");
        claims.setGeneratedJwtId();
        Instant now = Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(WS_SIGNING_KEY.getPrivateKey());
        jws.setKeyIdHeaderValue(WS_SIGNING_KEY.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        return sign(jws);
    }

    /** An access token of the main backend for a service caller (groups contain {@code service}). */
    public static String service() {
        return access(newUserId(), List.of("service"));
    }

    public static String access(String userId, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        claims.setClaim("user_id", userId);
        claims.setStringListClaim("groups", groups);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(ACCESS_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return sign(jws);
    }

    private static String sign(JsonWebSignature jws) {
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey loadSigningKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-ws-signing-key.json")) {
            return PublicJsonWebKey.Factory.newPublicJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
