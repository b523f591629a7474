package com.laundryconnect.realtime.token.signing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.session.auth.BouncyCastleEs256;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.auth.WsTokenConfig;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Issues the WebSocket tokens of contract 2.2. */
@ApplicationScoped
public class WsTokenIssuer {

    private final SigningKeys keys;
    private final WsTokenConfig config;

    public WsTokenIssuer(SigningKeys keys, WsTokenConfig config) {
        BouncyCastleEs256.register();
        this.keys = keys;
        this.config = config;
    }

    public String issue(Caller caller) {
        Instant now = Instant.now();
        var signingKey = keys.signingKey();
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(caller.userId())
                .claim("user_id", caller.userId())
                .claim("is_partner", caller.partner())
                .groups(groupsOf(caller))
                .claim("jti", UUID.randomUUID().toString())
                .claim("token_type", "ws")
                .issuedAt(now)
                .expiresAt(now.plus(config.ttl()))
                .jws()
                .keyId(signingKey.getKeyId())
                .algorithm(SignatureAlgorithm.ES256)
                .sign(signingKey.getPrivateKey());
    }

    public long ttlSeconds() {
        return config.ttl().toSeconds();
    }

    /** The WS token has no is_staff claim, so staff and service status travel as groups. */
    private static Set<String> groupsOf(Caller caller) {
        Set<String> groups = new LinkedHashSet<>(caller.groups());
        if (caller.partner()) {
            groups.add("partner");
        }
        if (caller.staff()) {
            groups.add("staff");
        }
        if (caller.service()) {
            groups.add("service");
        }
        return groups;
    }
}
