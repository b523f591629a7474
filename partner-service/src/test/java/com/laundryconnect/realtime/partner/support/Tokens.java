package com.laundryconnect.realtime.partner.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Tokens as token-service (WS tokens, ES256 with test-key-1 of src/test/resources/test-ws-jwks.json) and the main
 * backend (HS256 access tokens with the %test secret) issue them.
 */
public final class Tokens {

    private static final String TEST_KEY_1 = """
            {"kty":"EC","kid":"test-key-1","use":"sig","alg":"ES256","crv":"P-256",
             "x":"UzQO9q8mAKHze6wn3UGXQwGJCgq3u8InslJD4TNoR30","y":"nmmLAQ9A6R3J5cE0SfSs62968yoBgiGyGmuQnafU-oA",
             "d":"QH-arqQQ8QXEik2iaktfmG1D01TT_zoAJf197CVk19I"}""";
    private static final String ACCESS_TOKEN_SECRET = "test-only-access-token-secret-0123456789abcdef";

    private Tokens() {
    }

    public static String newUserId() {
        return UUID.randomUUID().toString();
    }

    public static String partnerWsToken(String userId) {
        return wsToken(userId, true, List.of("partner"));
    }

    public static String wsToken(String userId, boolean partner, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("laundryconnect-realtime");
        claims.setAudience("realtime-ws");
        claims.setSubject(userId);
        claims.setClaim("user_id", userId);
        claims.setClaim("is_partner", partner);
        claims.setStringListClaim("groups", groups);
        claims.setClaim("token_type", "ws");
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        try {
            EllipticCurveJsonWebKey key = (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(TEST_KEY_1);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token of the main backend (simplejwt claims), e.g. {@code groups: ["service"]} for the publish API. */
    public static String accessToken(String userId, boolean partner, List<String> groups) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        claims.setClaim("user_id", userId);
        claims.setClaim("is_partner", partner);
        claims.setStringListClaim("groups", groups);
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(new HmacKey(ACCESS_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
