package com.laundryconnect.realtime.session.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens for the services' tests, named by who holds them: WS tokens as token-service signs them (with the test key
 * whose public half is {@code test-ws-jwks.json}, which a service's {@code %test} profile names as its JWKS), access
 * tokens as the main backend (simplejwt) signs them with the test HS256 secret, and the forged ones attackers send.
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
        return wsToken(userId, false, List.of());
    }

    public static String partnerWsToken(String userId) {
        return wsToken(userId, true, List.of("partner"));
    }

    public static String staffWsToken(String userId) {
        return wsToken(userId, false, List.of("staff"));
    }

    public static String wsToken(String userId, boolean isPartner, List<String> groups) {
        return wsToken(userId, isPartner, groups, Duration.ofHours(1));
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

    /** What the main backend sends to the publish API: its access token in the {@code service} group. */
    public static String serviceAccessToken() {
        return accessToken(newUserId(), false, List.of("service"));
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
        return accessToken(claims, ACCESS_TOKEN_SECRET);
    }

    public static String accessToken(JwtClaimsBuilder claims, String secret) {
        return claims.jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** An unsigned access token with the given spelling of "none" in its header. */
    public static String unsignedAccessToken(String userId, String noneSpelling) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(accessClaimsJson(userId));
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue("none");
        String compact = jws.getCompactSerialization();
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"" + noneSpelling + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        return header + compact.substring(compact.indexOf('.'));
    }

    /** Signed by an attacker's own key, which the token offers in its header (embedded jwk) and as a jku URL. */
    public static String selfSignedAccessToken(String userId) throws JoseException {
        EllipticCurveJsonWebKey attackerKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(accessClaimsJson(userId));
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKey(attackerKey.getPrivateKey());
        jws.getHeaders().setJwkHeaderValue(HeaderParameterNames.JWK, attackerKey);
        jws.setHeader(HeaderParameterNames.JWK_SET_URL, "https://attacker.invalid/jwks.json");
        return jws.getCompactSerialization();
    }

    private static String accessClaimsJson(String userId) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        claims.setClaim("user_id", userId);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims.toJson();
    }

    private static EllipticCurveJsonWebKey loadSigningKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-ws-signing-key.json")) {
            return (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("test signing key missing", e);
        }
    }
}
