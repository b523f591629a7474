package com.laundryconnect.realtime.session.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** The identity rules of contract 2.1, read from tokens as the main backend (simplejwt) and token-service sign them. */
class CallerClaimsTest {

    private static final String SECRET = "unit-test-access-token-secret-0123456789abcdef";
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final VerifiedClaimsParser parser = new VerifiedClaimsParser(hs256Context());

    @Test
    void numericUserIdOfASimplejwtAccessTokenIsReadAsItsDecimalText() throws Exception {
        Caller caller = callerOf("{\"token_type\":\"access\",\"user_id\":9007199254740993}");

        assertEquals("9007199254740993", caller.userId());
        assertFalse(caller.partner());
        assertFalse(caller.staff());
        assertFalse(caller.service());
    }

    @Test
    void subjectIdentifiesTheCallerWhenUserIdIsMissingOrBlank() throws Exception {
        assertEquals("sub-7", callerOf("{\"sub\":\"sub-7\"}").userId());
        assertEquals("sub-8", callerOf("{\"user_id\":\" \",\"sub\":\"sub-8\"}").userId());
    }

    @Test
    void aTokenWithoutAnyUserIdentificationIsRejected() {
        TokenRejectedException rejected = assertThrows(TokenRejectedException.class, () -> callerOf("{\"token_type\":\"access\"}"));

        assertEquals("Token contained no recognizable user identification", rejected.getMessage());
    }

    @Test
    void aTokenOfAnotherTypeIsRejected() {
        TokenRejectedException rejected = assertThrows(TokenRejectedException.class,
                () -> callerOf("{\"token_type\":\"refresh\",\"user_id\":\"u-1\"}"));

        assertEquals("Token has wrong type", rejected.getMessage());
    }

    @Test
    void partnerComesFromIsPartnerRolesOrGroups() throws Exception {
        assertTrue(callerOf("{\"user_id\":\"u-1\",\"is_partner\":true}").partner());
        assertTrue(callerOf("{\"user_id\":\"u-1\",\"roles\":[\"driver\",\"partner\"]}").partner());
        assertTrue(callerOf("{\"user_id\":\"u-1\",\"groups\":[\"partner\"]}").partner());
        assertFalse(callerOf("{\"user_id\":\"u-1\",\"is_partner\":false,\"roles\":[\"driver\"]}").partner());
    }

    @Test
    void staffAndServiceComeFromTheirFlagOrGroup() throws Exception {
        assertTrue(callerOf("{\"user_id\":\"u-1\",\"is_staff\":true}").staff());
        Caller operator = callerOf("{\"user_id\":\"u-1\",\"groups\":[\"staff\",\"service\"]}");

        assertTrue(operator.staff());
        assertTrue(operator.service());
        assertEquals(Set.of("staff", "service"), operator.groups());
    }

    @Test
    void theSessionMayLastUntilExpiryPlusTheAllowedSkew() throws Exception {
        long expiry = Instant.now().plusSeconds(300).getEpochSecond();

        Caller caller = callerOf("{\"user_id\":\"u-1\",\"exp\":" + expiry + "}");

        assertEquals(Instant.ofEpochSecond(expiry).plus(SKEW), caller.expiresAt());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsNotRead() {
        String forged = sign(withLifetime("{\"user_id\":\"u-1\"}"), "another-secret-that-is-long-enough-0123456789");

        assertThrows(ParseException.class, () -> parser.parse(forged));
    }

    private Caller callerOf(String claimsJson) throws Exception {
        return CallerClaims.toCaller(parser.parse(sign(withLifetime(claimsJson), SECRET)), Caller.TokenKind.ACCESS, "access", SKEW);
    }

    /** Adds what every signed token carries: issued now, expiring in ten minutes unless the claims say otherwise. */
    private static String withLifetime(String claimsJson) {
        long now = Instant.now().getEpochSecond();
        String lifetime = ",\"iat\":" + now + (claimsJson.contains("\"exp\"") ? "" : ",\"exp\":" + (now + 600));
        return claimsJson.substring(0, claimsJson.length() - 1) + lifetime + "}";
    }

    private static String sign(String claimsJson, String secret) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JwtClaims.parse(claimsJson).toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return jws.getCompactSerialization();
        } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTAuthContextInfo hs256Context() {
        JWTAuthContextInfo context = JwtContexts.base((int) SKEW.toSeconds());
        context.setSecretVerificationKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        return context;
    }
}
