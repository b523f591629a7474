package com.laundryconnect.realtime.localdev;

import com.laundryconnect.realtime.localdev.token.AccessTokenMinter;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MintTokenTest {

    private static final String OTHER_SECRET = "another-development-secret-0123456789abcdef";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOnlyACustomerTokenForARandomUserByDefault() throws Exception {
        assertEquals(0, run(Map.of()));

        JwtClaims claims = verify(printedToken(), AccessTokenMinter.DEVELOPMENT_SECRET);
        assertDoesNotThrow(() -> UUID.fromString(claims.getStringClaimValue("user_id")));
        assertEquals(claims.getStringClaimValue("user_id"), claims.getSubject());
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void takesTheRoleUserAndLifetimeFromTheCommandLine() throws Exception {
        assertEquals(0, run(Map.of(), "partner", "--user", "partner-7", "--ttl", "120"));

        JwtClaims claims = verify(printedToken(), AccessTokenMinter.DEVELOPMENT_SECRET);
        assertEquals("partner-7", claims.getStringClaimValue("user_id"));
        assertEquals(Boolean.TRUE, claims.getClaimValue("is_partner"));
        assertEquals(List.of("partner"), claims.getStringListClaimValue("groups"));
        assertEquals(120, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void signsWithTheSecretOfTheEnvironmentUnlessOneIsGiven() throws Exception {
        assertEquals(0, run(Map.of(MintToken.SECRET_VARIABLE, OTHER_SECRET), "staff"));
        assertEquals(List.of("staff"), verify(printedToken(), OTHER_SECRET).getStringListClaimValue("groups"));

        out.reset();
        assertEquals(0, run(Map.of(MintToken.SECRET_VARIABLE, OTHER_SECRET), "service",
                "--secret=" + AccessTokenMinter.DEVELOPMENT_SECRET));
        assertEquals(List.of("service"),
                verify(printedToken(), AccessTokenMinter.DEVELOPMENT_SECRET).getStringListClaimValue("groups"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "--ttl=0", "--ttl=soon", "--user", "--colour=red", "customer staff",
            "--secret=short"})
    void aBadCommandLinePrintsTheUsageAndExitsWithTwo(String commandLine) {
        assertEquals(2, run(Map.of(), commandLine.split(" ")));

        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(MintToken.USAGE), err.toString());
    }

    private int run(Map<String, String> environment, String... args) {
        return MintToken.run(args, environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printedToken() {
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.endsWith("\n") && printed.indexOf('\n') == printed.length() - 1, printed);
        return printed.strip();
    }

    private static JwtClaims verify(String token, String secret) throws InvalidJwtException {
        return new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
    }
}
