package com.laundryconnect.realtime.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.auth.TokenRejectedException;
import com.laundryconnect.realtime.session.auth.WsTokenVerifier;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
class TokenEndpointTest {

    private static final String TOKEN_PATH = "/api/realtime/token/";

    @Inject
    WsTokenVerifier wsTokens;

    @Inject
    RedisDataSource redis;

    @Test
    void customerGetsExactlyTheContractShape() throws Exception {
        String userId = TestTokens.newUserId();
        Response response = given().auth().oauth2(TestTokens.accessToken(userId))
                .get(TOKEN_PATH).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("ws_base_url", equalTo("ws://localhost:8000/ws"))
                .body("expires_in", equalTo(3600))
                .body("user_id", equalTo(userId))
                .body("is_partner", equalTo(false))
                .body("endpoints", not(hasKey("partner")))
                .extract().response();

        Map<String, Object> body = response.jsonPath().getMap("");
        assertEquals(Set.of("token", "ws_base_url", "endpoints", "expires_in", "user_id", "is_partner"), body.keySet());
        String token = response.jsonPath().getString("token");
        String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertEquals("ws://localhost:8000/ws/notifications/" + query, response.jsonPath().getString("endpoints.notifications"));
        assertEquals("ws://localhost:8000/ws/orders/{order_id}/" + query, response.jsonPath().getString("endpoints.order_tracking"));
    }

    @Test
    void wsTokenCarriesTheContractClaimsAndIsSignedByTheNewestKey() throws Exception {
        String userId = TestTokens.newUserId();
        String token = given().auth().oauth2(TestTokens.accessToken(userId)).get(TOKEN_PATH).then().statusCode(200)
                .extract().path("token");

        var unverified = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().process(token);
        assertEquals("test-key-2", unverified.getJoseObjects().getFirst().getKeyIdHeaderValue());
        assertEquals("ES256", unverified.getJoseObjects().getFirst().getAlgorithmHeaderValue());
        var claims = unverified.getJwtClaims();
        assertEquals("laundryconnect-realtime", claims.getIssuer());
        assertEquals(List.of("realtime-ws"), claims.getAudience());
        assertEquals(userId, claims.getSubject());
        assertEquals(userId, claims.getClaimValue("user_id"));
        assertEquals(Boolean.FALSE, claims.getClaimValue("is_partner"));
        assertEquals("ws", claims.getClaimValue("token_type"));
        assertTrue(claims.getJwtId() != null && !claims.getJwtId().isBlank());
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());

        Caller caller = wsTokens.verify(token);
        assertEquals(userId, caller.userId());
        assertEquals(Caller.TokenKind.WEBSOCKET, caller.tokenKind());
        assertFalse(caller.partner());
    }

    @Test
    void wsVerifierAcceptsAnAccessTokenForTheGuidesReconnectPath() throws Exception {
        String userId = TestTokens.newUserId();
        Caller caller = wsTokens.verify(TestTokens.accessToken(userId));
        assertEquals(userId, caller.userId());
        assertEquals(Caller.TokenKind.ACCESS, caller.tokenKind());
    }

    @Test
    void wsVerifierRefusesWsTokensOfAnotherAudienceOrExpired() throws Exception {
        var key = new org.jose4j.jwk.JsonWebKeySet(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("realtime.signing-keys.jwks", String.class)).getJsonWebKeys().getLast();
        var signingKey = ((org.jose4j.jwk.EllipticCurveJsonWebKey) key).getPrivateKey();
        Instant now = Instant.now();
        String otherAudience = Jwt.issuer("laundryconnect-realtime").audience("another-service").subject("u1")
                .claim("token_type", "ws").issuedAt(now).expiresAt(now.plusSeconds(600))
                .jws().keyId(key.getKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).sign(signingKey);
        String expired = Jwt.issuer("laundryconnect-realtime").audience("realtime-ws").subject("u1")
                .claim("token_type", "ws").issuedAt(now.minusSeconds(4000)).expiresAt(now.minusSeconds(40))
                .jws().keyId(key.getKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).sign(signingKey);
        String valid = Jwt.issuer("laundryconnect-realtime").audience("realtime-ws").subject("u1")
                .claim("token_type", "ws").issuedAt(now).expiresAt(now.plusSeconds(600))
                .jws().keyId(key.getKeyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256).sign(signingKey);

        assertEquals("u1", wsTokens.verify(valid).userId());
        assertThrows(TokenRejectedException.class, () -> wsTokens.verify(otherAudience));
        assertThrows(TokenRejectedException.class, () -> wsTokens.verify(expired));
        assertThrows(TokenRejectedException.class, () -> wsTokens.verify(null));
    }

    @Test
    void jwksPublishesEveryKeyWithoutPrivateParts() {
        given().get("/api/realtime/jwks.json").then()
                .statusCode(200)
                .body("keys.kid", equalTo(List.of("test-key-1", "test-key-2")))
                .body("keys.kty", equalTo(List.of("EC", "EC")))
                .body("keys[0]", not(hasKey("d")))
                .body("keys[1]", not(hasKey("d")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/jwk-set+json", "*/*"})
    void jwksIsServedToAnyClientThatAcceptsJson(String accept) {
        given().accept(accept).get("/api/realtime/jwks.json").then()
                .statusCode(200)
                .contentType(accept.equals("*/*") ? "application/jwk-set+json" : accept)
                .body("keys.kid", equalTo(List.of("test-key-1", "test-key-2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"is_partner", "groups", "roles"})
    void partnersGetThePartnerEndpoint(String marker) throws Exception {
        String userId = TestTokens.newUserId();
        var claims = TestTokens.accessClaims(userId);
        switch (marker) {
            case "is_partner" -> claims.claim("is_partner", true);
            case "groups" -> claims.groups(Set.of("partner"));
            default -> claims.claim("roles", List.of("partner"));
        }
        String token = given().auth().oauth2(TestTokens.accessToken(claims)).get(TOKEN_PATH).then()
                .statusCode(200)
                .body("is_partner", equalTo(true))
                .body("endpoints.partner", containsString("ws://localhost:8000/ws/partner/?token="))
                .extract().path("token");
        assertTrue(wsTokens.verify(token).partner());
    }

    @Test
    void staffStatusSurvivesIntoTheWsToken() throws Exception {
        var claims = TestTokens.accessClaims(TestTokens.newUserId()).claim("is_staff", true);
        String token = given().auth().oauth2(TestTokens.accessToken(claims)).get(TOKEN_PATH).then().statusCode(200)
                .extract().path("token");
        assertTrue(wsTokens.verify(token).staff());
    }

    @Test
    void subIsTheUserWhenThereIsNoUserIdAndNumericIdsAreText() {
        Instant now = Instant.now();
        String withSub = TestTokens.accessToken(Jwt.claims(Map.of("token_type", "access")).subject("sub-user-7")
                .issuedAt(now).expiresAt(now.plusSeconds(60)));
        given().auth().oauth2(withSub).get(TOKEN_PATH).then().statusCode(200).body("user_id", equalTo("sub-user-7"));

        long numericId = System.nanoTime();
        String numeric = TestTokens.accessToken(Jwt.claims(Map.of("token_type", "access", "user_id", numericId))
                .issuedAt(now).expiresAt(now.plusSeconds(60)));
        given().auth().oauth2(numeric).get(TOKEN_PATH).then().statusCode(200).body("user_id", equalTo(Long.toString(numericId)));
    }

    @Test
    void pathWorksWithAndWithoutTrailingSlash() {
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId()))
                .get("/api/realtime/token").then().statusCode(200).body("token", notNullValue());
    }

    @Test
    void expiryIsEnforcedWithThirtySecondsOfSkew() {
        Instant now = Instant.now();
        String withinSkew = TestTokens.accessToken(TestTokens.accessClaims(TestTokens.newUserId())
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(10)));
        given().auth().oauth2(withinSkew).get(TOKEN_PATH).then().statusCode(200);

        String expired = TestTokens.accessToken(TestTokens.accessClaims(TestTokens.newUserId())
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(45)));
        assertUnauthenticated(expired);
    }

    @Test
    void refusesTokensOfAnotherType() {
        var refresh = TestTokens.accessClaims(TestTokens.newUserId()).claim("token_type", "refresh");
        assertUnauthenticated(TestTokens.accessToken(refresh));
    }

    @Test
    void refusesTokensSignedWithAnotherSecret() {
        assertUnauthenticated(TestTokens.accessToken(TestTokens.accessClaims(TestTokens.newUserId()),
                "some-other-secret-that-is-long-enough-0123456789"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void refusesUnsignedTokensInEverySpelling(String spelling) throws Exception {
        assertUnauthenticated(TestTokens.unsignedAccessToken(TestTokens.newUserId(), spelling));
    }

    @Test
    void ignoresKeysTheTokenOffersItself() throws Exception {
        assertUnauthenticated(TestTokens.selfSignedAccessToken(TestTokens.newUserId()));
    }

    @Test
    void aWsTokenIsNotAnAccessToken() {
        String wsToken = given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId())).get(TOKEN_PATH)
                .then().statusCode(200).extract().path("token");
        assertUnauthenticated(wsToken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "Bearer", "Token abc", "Bearer a b", ""})
    void refusesMalformedHeaders(String header) {
        given().header("Authorization", header.startsWith("Bearer") || header.startsWith("Token") ? header : "Bearer " + header)
                .get(TOKEN_PATH).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", notNullValue());
    }

    @Test
    void missingCredentialsAreExplained() {
        given().get(TOKEN_PATH).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", equalTo("Authentication credentials were not provided."));
    }

    @Test
    void oversizedHeaderIsRefusedClearly() {
        given().header("Authorization", "Bearer " + "a".repeat(9000)).get(TOKEN_PATH).then()
                .statusCode(401)
                .body("detail", equalTo("Authorization header is too long."));
    }

    @Test
    void refusedTokensNeverReachTheLogs() throws Exception {
        String wrongSecret = TestTokens.accessToken(TestTokens.accessClaims(TestTokens.newUserId()),
                "some-other-secret-that-is-long-enough-0123456789");
        String unsigned = TestTokens.unsignedAccessToken(TestTokens.newUserId(), "none");
        try (LogCapture logs = LogCapture.start()) {
            assertUnauthenticated(wrongSecret);
            assertUnauthenticated(unsigned);
            assertFalse(logs.lines().isEmpty(), "refusals are logged");
            for (String line : logs.lines()) {
                assertFalse(line.contains(wrongSecret) || line.contains(unsigned), "token in log line: " + line);
                assertFalse(line.contains(wrongSecret.substring(wrongSecret.lastIndexOf('.') + 1)), "signature in log: " + line);
            }
        }
    }

    @Test
    void throttlesOneUserButNotOthers() {
        String userId = TestTokens.newUserId();
        String token = TestTokens.accessToken(userId);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(TOKEN_PATH).then().statusCode(200);
        }
        String retryAfter = given().auth().oauth2(token).get(TOKEN_PATH).then()
                .statusCode(429)
                .body("detail", containsString("throttled"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);

        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId())).get(TOKEN_PATH).then().statusCode(200);
        long remainingMillis = redis.key().pttl("realtime:token-requests:" + userId);
        assertTrue(remainingMillis > 0 && remainingMillis <= 60_000, "the window ends: " + remainingMillis + " ms left");
    }

    @Test
    void aCounterLeftWithoutExpiryEndsWithTheWindowInsteadOfLockingTheUserOut() {
        String userId = TestTokens.newUserId();
        String key = "realtime:token-requests:" + userId;
        redis.value(Long.class).set(key, 1_000L);

        String retryAfter = given().auth().oauth2(TestTokens.accessToken(userId)).get(TOKEN_PATH).then()
                .statusCode(429)
                .extract().header("Retry-After");

        assertEquals("60", retryAfter);
        long remainingMillis = redis.key().pttl(key);
        assertTrue(remainingMillis > 0 && remainingMillis <= 60_000, "the window ends: " + remainingMillis + " ms left");
    }

    @Test
    void errorsAreJsonEverywhere() {
        given().get("/api/realtime/nothing-here").then().statusCode(404).body("detail", equalTo("Not found."));
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId()))
                .post(TOKEN_PATH).then().statusCode(405).body("detail", equalTo("Method not allowed."));
    }

    private static void assertUnauthenticated(String token) {
        given().auth().oauth2(token).get(TOKEN_PATH).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", notNullValue());
    }
}
