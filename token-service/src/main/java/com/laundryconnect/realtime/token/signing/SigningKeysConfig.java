package com.laundryconnect.realtime.token.signing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "realtime.signing-keys")
public interface SigningKeysConfig {

    /**
     * A JWK Set of EC P-256 private keys, each with a {@code kid}, oldest first: the last key signs and every key is
     * published, so a new key is rolled out by appending it and an old one retired by removing it an hour later.
     */
    Optional<String> jwks();

    /** Development and tests only: sign with a key made at start instead of {@link #jwks()}. */
    @WithDefault("false")
    boolean generateEphemeral();
}
