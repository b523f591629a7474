package com.laundryconnect.realtime.localdev.token;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Mints access tokens the way the main backend's djangorestframework-simplejwt does: HS256 with a shared secret,
 * {@code token_type=access}, {@code user_id}, {@code jti}, {@code iat} and {@code exp}; plus {@code sub}.
 */
public final class AccessTokenMinter {

    /** The secret the local profile of the services verifies with. Development only, never deployed. */
    public static final String DEVELOPMENT_SECRET = "local-dev-only-access-token-secret-0123456789abcdef";

    private final HmacKey key;

    public AccessTokenMinter(String secret) {
        this.key = new HmacKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws JoseException when the secret is too short for HS256 (fewer than 32 bytes) */
    public String mint(Role role, String userId, Duration timeToLive, Instant now) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        claims.setClaim("user_id", userId);
        claims.setSubject(userId);
        claims.setJwtId(UUID.randomUUID().toString().replace("-", ""));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(timeToLive).getEpochSecond()));
        role.addClaims(claims);

        JsonWebSignature signature = new JsonWebSignature();
        signature.setHeader("typ", "JWT");
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        signature.setKey(key);
        signature.setPayload(claims.toJson());
        return signature.getCompactSerialization();
    }
}
