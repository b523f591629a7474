package com.laundryconnect.realtime.session.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Authenticates a WebSocket session: a WS token signed by token-service (checked against its published keys) or,
 * for the guide's reconnect path, a platform access token when that is enabled (contract 2.2).
 */
@ApplicationScoped
public class WsTokenVerifier {

    private static final String REJECTED = "Invalid or expired token";

    private final VerifiedClaimsParser parser;
    private final WsTokenConfig config;
    private final AccessTokenVerifier accessTokens;

    public WsTokenVerifier(WsTokenConfig config, AccessTokenVerifier accessTokens) {
        this.config = config;
        this.accessTokens = accessTokens;
        this.parser = new VerifiedClaimsParser(contextFor(config));
    }

    public Caller verify(String token) throws TokenRejectedException {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException("Authentication token is required");
        }
        try {
            return CallerClaims.toCaller(parser.parse(token), Caller.TokenKind.WEBSOCKET, "ws", config.clockSkew());
        } catch (ParseException | TokenRejectedException wsTokenProblem) {
            if (!config.acceptAccessTokens()) {
                throw new TokenRejectedException(REJECTED);
            }
        }
        try {
            return accessTokens.verify(token);
        } catch (TokenRejectedException accessTokenProblem) {
            throw new TokenRejectedException(REJECTED);
        }
    }

    private static JWTAuthContextInfo contextFor(WsTokenConfig config) {
        String jwks = config.jwksLocation().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "realtime.ws-token.jwks-location (REALTIME_WS_TOKEN_JWKS_LOCATION) is required"));
        JWTAuthContextInfo context = JwtContexts.base((int) config.clockSkew().toSeconds());
        context.setPublicKeyLocation(jwks);
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256));
        context.setIssuedBy(config.issuer());
        context.setExpectedAudience(Set.of(config.audience()));
        context.setJwksRefreshInterval((int) Math.max(1, config.jwksRefreshInterval().toMinutes()));
        context.setForcedJwksRefreshInterval((int) Math.max(1, config.jwksForcedRefreshInterval().toMinutes()));
        return context;
    }
}
