package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The header rules of a reverse proxy (RFC 9110 section 7.6.1): hop-by-hop headers stop at the edge. */
final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade");

    private ForwardedHeaders() {
    }

    /**
     * The request headers for the backend: end-to-end headers as received (Host included, as ingress-nginx does),
     * the X-Forwarded-* trio, and for a WebSocket handshake the Upgrade and Connection headers it needs.
     */
    static MultiMap towardsBackend(HttpServerRequest request, boolean webSocketUpgrade) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copyEndToEnd(request.headers(), headers);
        // The edge answers "Expect: 100-continue" itself (HttpServerOptions.handle100ContinueAutomatically).
        headers.remove(HttpHeaders.EXPECT);
        String clientAddress = request.remoteAddress().hostAddress();
        String forwardedFor = request.headers().get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
        headers.set("X-Forwarded-Proto", request.scheme());
        String host = request.headers().get(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        if (webSocketUpgrade) {
            headers.set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            headers.set(HttpHeaders.UPGRADE, request.headers().get(HttpHeaders.UPGRADE));
        }
        return headers;
    }

    static void copyEndToEnd(MultiMap from, MultiMap to) {
        Set<String> namedInConnection = connectionTokens(from);
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !namedInConnection.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return connectionTokens(request.headers()).contains("upgrade")
                && "websocket".equalsIgnoreCase(request.headers().get(HttpHeaders.UPGRADE));
    }

    /** The comma-separated options of the Connection header(s), lower case. */
    private static Set<String> connectionTokens(MultiMap headers) {
        return headers.getAll(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
