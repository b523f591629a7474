package com.laundryconnect.realtime.loadtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class AccessTokensTest {

    private static JsonObject part(String token, int index) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    @Test
    void customerTokensCarryTheSimplejwtClaims() {
        String token = new AccessTokens(AccessTokens.DEVELOPMENT_SECRET, Duration.ofHours(2))
                .mint(AccessTokens.Role.CUSTOMER, "user-1");
        assertEquals("HS256", part(token, 0).getString("alg"));
        JsonObject claims = part(token, 1);
        assertEquals("access", claims.getString("token_type"));
        assertEquals("user-1", claims.getString("user_id"));
        assertEquals("user-1", claims.getString("sub"));
        assertEquals(7_200, claims.getLong("exp") - claims.getLong("iat"));
        assertNull(claims.getValue("is_partner"));
    }

    @Test
    void partnerTokensSayPartner() {
        JsonObject claims = part(new AccessTokens(AccessTokens.DEVELOPMENT_SECRET, Duration.ofHours(1))
                .mint(AccessTokens.Role.PARTNER, "p-1"), 1);
        assertEquals(true, claims.getBoolean("is_partner"));
        assertTrue(claims.getJsonArray("groups").contains("partner"));
    }

    @Test
    void theSignatureIsHmacSha256OfHeaderAndPayload() throws Exception {
        String token = new AccessTokens(AccessTokens.DEVELOPMENT_SECRET, Duration.ofHours(1))
                .mint(AccessTokens.Role.CUSTOMER, "u");
        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(AccessTokens.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertArrayEquals(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)),
                Base64.getUrlDecoder().decode(parts[2]));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AccessTokens("too-short", Duration.ofHours(1)));
    }
}
