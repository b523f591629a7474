package com.laundryconnect.realtime.session.auth;

import org.jose4j.jwt.JwtClaims;

import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Checks a token's signature, issuer, audience and lifetime with SmallRye JWT and hands back its claims as jose4j
 * parsed them. The MicroProfile {@code JsonWebToken} view is skipped on purpose: its lookup of every non-standard
 * claim (user_id, token_type, is_partner, ...) throws and catches an exception, five per token, on the path of every
 * token request and every WebSocket upgrade.
 */
final class VerifiedClaimsParser {

    // One parser per context: it keeps the resolved keys (and the JWKS cache) between calls.
    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();
    private final JWTAuthContextInfo context;

    VerifiedClaimsParser(JWTAuthContextInfo context) {
        BouncyCastleEs256.register();
        this.context = context;
    }

    JwtClaims parse(String token) throws ParseException {
        return parser.parse(token, context).getJwtClaims();
    }
}
