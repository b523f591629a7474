package com.laundryconnect.realtime.localdev.token;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessTokenMinterTest {

    private static final String SECRET = AccessTokenMinter.DEVELOPMENT_SECRET;
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    private final AccessTokenMinter minter = new AccessTokenMinter(SECRET);

    @Test
    void aCustomerTokenCarriesTheSimplejwtClaims() throws Exception {
        JwtContext token = verify(minter.mint(Role.CUSTOMER, "5b0c-user", Duration.ofHours(1), NOW), SECRET);
        JwtClaims claims = token.getJwtClaims();

        assertEquals("HS256", token.getJoseObjects().getFirst().getAlgorithmHeaderValue());
        assertEquals("JWT", token.getJoseObjects().getFirst().getHeader("typ"));
        assertEquals("access", claims.getClaimValue("token_type"));
        assertEquals("5b0c-user", claims.getClaimValue("user_id"));
        assertEquals("5b0c-user", claims.getSubject());
        assertEquals(NOW.getEpochSecond(), claims.getIssuedAt().getValue());
        assertEquals(NOW.getEpochSecond() + 3600, claims.getExpirationTime().getValue());
        assertEquals(32, claims.getJwtId().length());
        assertFalse(claims.hasClaim("is_partner"));
        assertFalse(claims.hasClaim("is_staff"));
        assertNull(claims.getClaimValue("groups"));
    }

    @Test
    void eachRoleAddsTheClaimsTheSuiteRecognisesItBy() throws Exception {
        JwtClaims partner = claimsOf(Role.PARTNER);
        assertEquals(Boolean.TRUE, partner.getClaimValue("is_partner"));
        assertEquals(List.of("partner"), partner.getStringListClaimValue("groups"));

        JwtClaims staff = claimsOf(Role.STAFF);
        assertEquals(Boolean.TRUE, staff.getClaimValue("is_staff"));
        assertEquals(List.of("staff"), staff.getStringListClaimValue("groups"));

        JwtClaims service = claimsOf(Role.SERVICE);
        assertEquals(List.of("service"), service.getStringListClaimValue("groups"));
        assertFalse(service.hasClaim("is_partner"));
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        assertNotEquals(claimsOf(Role.CUSTOMER).getJwtId(), claimsOf(Role.CUSTOMER).getJwtId());
    }

    @Test
    void aTokenDoesNotVerifyWithAnotherSecret() throws Exception {
        String token = minter.mint(Role.CUSTOMER, "u", Duration.ofHours(1), NOW);

        assertThrows(InvalidJwtException.class, () -> verify(token, "another-secret-of-at-least-thirty-two-bytes"));
    }

    @Test
    void aSecretTooShortForHs256IsRefused() {
        assertThrows(JoseException.class,
                () -> new AccessTokenMinter("short").mint(Role.CUSTOMER, "u", Duration.ofHours(1), NOW));
    }

    private JwtClaims claimsOf(Role role) throws Exception {
        return verify(minter.mint(role, "user-1", Duration.ofMinutes(5), NOW), SECRET).getJwtClaims();
    }

    private static JwtContext verify(String token, String secret) throws InvalidJwtException {
        return new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setRequireExpirationTime()
                .setEvaluationTime(NumericDate.fromSeconds(NOW.getEpochSecond()))
                .build()
                .process(token);
    }
}
