package com.laundryconnect.realtime.session.ws;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

/**
 * Checks made before a WebSocket upgrade is accepted: the Origin allowlist (refused with 403), and echoing a
 * {@code bearer.<token>} subprotocol, without which a browser that sent one would abort the connection.
 */
@ApplicationScoped
public class UpgradeRules implements HttpUpgradeCheck {

    private final SessionRulesConfig config;

    public UpgradeRules(SessionRulesConfig config) {
        this.config = config;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin != null && config.allowedOrigins().isPresent() && !config.allowedOrigins().get().contains(origin)) {
            return CheckResult.rejectUpgrade(403);
        }
        return SessionTokens.bearerSubprotocol(context.httpRequest().getHeader(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL))
                .map(protocol -> CheckResult.permitUpgrade(Map.of(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL, List.of(protocol))))
                .orElseGet(CheckResult::permitUpgrade);
    }
}
