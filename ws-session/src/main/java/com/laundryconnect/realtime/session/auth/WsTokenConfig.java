package com.laundryconnect.realtime.session.auth;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The short-lived WebSocket tokens of contract 2.2: issued by token-service, verified by the WebSocket services. */
@ConfigMapping(prefix = "realtime.ws-token")
public interface WsTokenConfig {

    @WithDefault("laundryconnect-realtime")
    String issuer();

    @WithDefault("realtime-ws")
    String audience();

    @WithDefault("3600s")
    Duration ttl();

    @WithDefault("30s")
    Duration clockSkew();

    /** Where the WebSocket services fetch token-service's public keys (its /api/realtime/jwks.json). */
    Optional<String> jwksLocation();

    /** How often the published keys are fetched again, and how soon an unknown key id forces a fetch. */
    @WithDefault("10m")
    Duration jwksRefreshInterval();

    @WithDefault("1m")
    Duration jwksForcedRefreshInterval();

    /** The guide reconnects with a fresh access token after 4001, so endpoints accept those too unless switched off. */
    @WithDefault("true")
    boolean acceptAccessTokens();
}
