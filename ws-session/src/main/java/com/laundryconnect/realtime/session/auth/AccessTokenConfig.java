package com.laundryconnect.realtime.session.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the main backend's access tokens are verified (contract 2.1). The algorithm is configuration and never
 * taken from a token's header, so an RS256 public key can never be used as an HS256 secret.
 */
@ConfigMapping(prefix = "realtime.access-token")
public interface AccessTokenConfig {

    enum Algorithm { HS256, RS256, ES256 }

    @WithDefault("HS256")
    Algorithm algorithm();

    /** The shared HS256 secret (simplejwt's SIGNING_KEY). Required for HS256; no default outside development. */
    Optional<String> secret();

    /** PEM public key or JWKS, as a file path, classpath resource or https URL. Required for RS256 and ES256. */
    Optional<String> publicKeyLocation();

    Optional<String> issuer();

    Optional<Set<String>> audience();

    @WithDefault("30s")
    Duration clockSkew();
}
