package com.laundryconnect.realtime.token.signing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import io.quarkus.runtime.Startup;

/** The WS-token signing keys: the newest signs, all are published so tokens signed by older ones still verify. */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final List<EllipticCurveJsonWebKey> keys;
    private final String publishedJwks;

    public SigningKeys(SigningKeysConfig config) {
        this.keys = config.generateEphemeral() ? List.of(ephemeralKey()) : parse(config.jwks().orElseThrow(
                () -> new IllegalStateException("realtime.signing-keys.jwks (REALTIME_SIGNING_KEYS_JWKS) is required")));
        this.publishedJwks = new JsonWebKeySet(keys.stream().<JsonWebKey>map(SigningKeys::publicPart).toList())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        LOG.infof("Signing WS tokens with key %s; publishing %d key(s)", signingKey().getKeyId(), keys.size());
    }

    public EllipticCurveJsonWebKey signingKey() {
        return keys.getLast();
    }

    public String publishedJwks() {
        return publishedJwks;
    }

    private static List<EllipticCurveJsonWebKey> parse(String jwks) {
        List<JsonWebKey> parsed;
        try {
            parsed = new JsonWebKeySet(jwks).getJsonWebKeys();
        } catch (JoseException e) {
            throw new IllegalStateException("realtime.signing-keys.jwks is not a valid JWK Set: " + e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("realtime.signing-keys.jwks holds no key");
        }
        return parsed.stream().map(SigningKeys::requireSigningKey).toList();
    }

    private static EllipticCurveJsonWebKey requireSigningKey(JsonWebKey key) {
        if (!(key instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())) {
            throw new IllegalStateException("every signing key must be an EC P-256 key (ES256)");
        }
        if (ec.getKeyId() == null || ec.getKeyId().isBlank()) {
            throw new IllegalStateException("every signing key needs a kid");
        }
        if (ec.getEcPrivateKey() == null) {
            throw new IllegalStateException("signing key " + ec.getKeyId() + " has no private part");
        }
        return ec;
    }

    private static JsonWebKey publicPart(EllipticCurveJsonWebKey key) {
        try {
            JsonWebKey publicKey = JsonWebKey.Factory.newJwk(key.getPublicKey());
            publicKey.setKeyId(key.getKeyId());
            publicKey.setAlgorithm("ES256");
            publicKey.setUse("sig");
            return publicKey;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot publish key " + key.getKeyId(), e);
        }
    }

    private static EllipticCurveJsonWebKey ephemeralKey() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("ephemeral-" + Long.toString(System.currentTimeMillis(), 36));
            LOG.warn("Signing WS tokens with an ephemeral key: for development and tests only");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an ephemeral signing key", e);
        }
    }
}
