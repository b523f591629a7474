package com.laundryconnect.realtime.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** The main backend may sign with RS256; then an HS256 token keyed with the public key must not pass (alg confusion). */
@QuarkusTest
@TestProfile(Rs256AccessTokenTest.Rs256Backend.class)
class Rs256AccessTokenTest {

    public static class Rs256Backend implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "realtime.access-token.algorithm", "RS256",
                    "realtime.access-token.public-key-location", "rs256-test-public.pem",
                    "realtime.access-token.issuer", "https://accounts.laundryconnect.test",
                    "realtime.access-token.audience", "laundryconnect-api");
        }
    }

    private static final String TOKEN_PATH = "/api/realtime/token/";

    @Test
    void acceptsTokensSignedWithTheBackendsPrivateKey() throws Exception {
        String userId = TestTokens.newUserId();
        given().auth().oauth2(rs256(expectedClaims(userId))).get(TOKEN_PATH).then()
                .statusCode(200).body("user_id", equalTo(userId));
    }

    @Test
    void refusesHs256TokensKeyedWithThePublicKey() throws Exception {
        String publicPem = resource("rs256-test-public.pem");
        String confused = TestTokens.accessToken(expectedClaims(TestTokens.newUserId()), publicPem);
        assertUnauthenticated(confused);
    }

    @Test
    void refusesTheSharedSecretModesTokens() {
        assertUnauthenticated(TestTokens.accessToken(TestTokens.newUserId()));
    }

    @Test
    void refusesAnotherAudienceOrIssuer() throws Exception {
        assertUnauthenticated(rs256(expectedClaims(TestTokens.newUserId()).audience("another-api")));
        assertUnauthenticated(rs256(expectedClaims(TestTokens.newUserId()).issuer("https://evil.test")));
    }

    private static JwtClaimsBuilder expectedClaims(String userId) {
        return TestTokens.accessClaims(userId)
                .issuer("https://accounts.laundryconnect.test")
                .audience("laundryconnect-api");
    }

    private static String rs256(JwtClaimsBuilder claims) throws Exception {
        String pem = resource("rs256-test-private-pkcs8.pem")
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Rs256AccessTokenTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertUnauthenticated(String token) {
        given().auth().oauth2(token).get(TOKEN_PATH).then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }
}
