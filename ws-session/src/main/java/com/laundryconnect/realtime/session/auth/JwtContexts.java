package com.laundryconnect.realtime.session.auth;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/** Settings every token check shares, spelled out because SmallRye JWT's defaults differ from the contract. */
final class JwtContexts {

    private JwtContexts() {
    }

    static JWTAuthContextInfo base(int clockSkewSeconds) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        // SmallRye's default grace is 60 s; the contract allows 30 s.
        context.setExpGracePeriodSecs(clockSkewSeconds);
        context.setClockSkew(clockSkewSeconds);
        // simplejwt access tokens carry user_id and no sub; the identity is resolved by CallerClaims.
        context.setRequireNamedPrincipal(false);
        context.setIssuedBy(null);
        return context;
    }
}
