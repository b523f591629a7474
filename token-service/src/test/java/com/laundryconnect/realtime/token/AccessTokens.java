package com.laundryconnect.realtime.token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.keys.EllipticCurves;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Access tokens as the main backend (simplejwt) issues them, and the forged or broken ones attackers send. */
final class AccessTokens {

    static final String TEST_SECRET = "test-only-access-token-secret-0123456789abcdef";

    private AccessTokens() {
    }

    static String newUserId() {
        return UUID.randomUUID().toString();
    }

    static JwtClaimsBuilder simplejwtClaims(String userId) {
        Instant now = Instant.now();
        return Jwt.claims(Map.of("token_type", "access", "user_id", userId, "jti", UUID.randomUUID().toString()))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
    }

    static String customer(String userId) {
        return hs256(simplejwtClaims(userId));
    }

    static String hs256(JwtClaimsBuilder claims) {
        return hs256(claims, TEST_SECRET);
    }

    static String hs256(JwtClaimsBuilder claims, String secret) {
        return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** An unsigned token with the given spelling of "none" in its header. */
    static String unsigned(String userId, String noneSpelling) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsJson(userId));
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue("none");
        String compact = jws.getCompactSerialization();
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"" + noneSpelling + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        return header + compact.substring(compact.indexOf('.'));
    }

    /** Signed by an attacker's own key, which the token offers in its header (embedded jwk) and as a jku URL. */
    static String selfSignedWithEmbeddedKey(String userId) throws Exception {
        var attackerKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsJson(userId));
        jws.setAlgorithmHeaderValue("ES256");
        jws.setKey(attackerKey.getPrivateKey());
        jws.getHeaders().setJwkHeaderValue(HeaderParameterNames.JWK, attackerKey);
        jws.setHeader(HeaderParameterNames.JWK_SET_URL, "https://attacker.invalid/jwks.json");
        return jws.getCompactSerialization();
    }

    static String claimsJson(String userId) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        claims.setClaim("user_id", userId);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims.toJson();
    }
}
