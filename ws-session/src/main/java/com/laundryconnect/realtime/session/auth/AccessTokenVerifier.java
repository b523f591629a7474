package com.laundryconnect.realtime.session.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/** Verifies the main backend's access tokens (contract 2.1). Misconfiguration stops the service at start. */
@Startup
@ApplicationScoped
public class AccessTokenVerifier {

    private final VerifiedClaimsParser parser;
    private final Duration clockSkew;

    public AccessTokenVerifier(AccessTokenConfig config) {
        this.clockSkew = config.clockSkew();
        this.parser = new VerifiedClaimsParser(contextFor(config));
    }

    public Caller verify(String token) throws TokenRejectedException {
        try {
            return CallerClaims.toCaller(parser.parse(token), Caller.TokenKind.ACCESS, "access", clockSkew);
        } catch (ParseException e) {
            throw new TokenRejectedException("Given token not valid for any token type");
        }
    }

    private static JWTAuthContextInfo contextFor(AccessTokenConfig config) {
        JWTAuthContextInfo context = JwtContexts.base((int) config.clockSkew().toSeconds());
        switch (config.algorithm()) {
            case HS256 -> {
                String secret = config.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "realtime.access-token.secret (REALTIME_ACCESS_TOKEN_SECRET) is required for HS256"));
                context.setSecretVerificationKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
            }
            case RS256, ES256 -> {
                String location = config.publicKeyLocation().filter(s -> !s.isBlank()).orElseThrow(
                        () -> new IllegalStateException("realtime.access-token.public-key-location "
                                + "(REALTIME_ACCESS_TOKEN_PUBLIC_KEY_LOCATION) is required for " + config.algorithm()));
                context.setPublicKeyLocation(location);
                context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.valueOf(config.algorithm().name())));
            }
        }
        config.issuer().ifPresent(context::setIssuedBy);
        config.audience().ifPresent(context::setExpectedAudience);
        return context;
    }
}
