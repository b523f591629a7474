package com.laundryconnect.realtime.session.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens for the services' tests: WS tokens as token-service signs them (with the test key whose public half is
 * {@code test-ws-jwks.json}, which a service's {@code %test} profile names as its JWKS), and access tokens as the
 * main backend signs them with the test HS256 secret.
 */
public final class TestTokens {

    public static final String ACCESS_TOKEN_SECRET = "test-only-access-token-secret-0123456789abcdef";
    private static final EllipticCurveJsonWebKey WS_SIGNING_KEY = loadSigningKey();

    private TestTokens() {
    }

    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    public static String wsToken(String userId) {
        return wsToken(userId, List.of(), Duration.ofHours(1));
    }

    public static String wsToken(String userId, List<String> groups, Duration validFor) {
        return wsToken(userId, groups.contains("partner"), groups, validFor);
    }

    public static String wsToken(String userId, boolean isPartner, List<String> groups, Duration validFor) {
        Instant now = Instant.now();
        return Jwt.issuer("laundryconnect-realtime")
                .audience("realtime-ws")
                .subject(userId)
                .claim("user_id", userId)
                .claim("is_partner", isPartner)
                .groups(new HashSet<>(groups))
                .claim("jti", UUID.randomUUID().toString())
                .claim("token_type", "ws")
                .issuedAt(now)
                .expiresAt(now.plus(validFor))
                .jws().keyId(WS_SIGNING_KEY.getKeyId()).algorithm(SignatureAlgorithm.ES256)
                .sign(WS_SIGNING_KEY.getPrivateKey());
    }

    /** A WS token that expired {@code ago} before now (issued an hour before that). */
    public static String expiredWsToken(String userId, Duration ago) {
        Instant expiredAt = Instant.now().minus(ago);
        return Jwt.issuer("laundryconnect-realtime").audience("realtime-ws").subject(userId)
                .claim("user_id", userId).claim("token_type", "ws")
                .issuedAt(expiredAt.minusSeconds(3600)).expiresAt(expiredAt)
                .jws().keyId(WS_SIGNING_KEY.getKeyId()).algorithm(SignatureAlgorithm.ES256)
                .sign(WS_SIGNING_KEY.getPrivateKey());
    }

    public static String accessToken(String userId, String... groups) {
        return accessToken(accessClaims(userId).groups(new HashSet<>(List.of(groups))));
    }

    public static String accessToken(String userId, boolean isPartner, List<String> groups) {
        return accessToken(accessClaims(userId).claim("is_partner", isPartner).groups(new HashSet<>(groups)));
    }

    public static JwtClaimsBuilder accessClaims(String userId) {
        Instant now = Instant.now();
        return Jwt.claims(Map.of("token_type", "access", "user_id", userId, "jti", UUID.randomUUID().toString()))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600));
    }

    public static String accessToken(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(ACCESS_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    private static EllipticCurveJsonWebKey loadSigningKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-ws-signing-key.json")) {
            return (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("test signing key missing", e);
        }
    }
}
