package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/** The request the edge sends to a backend for a client's request: same method, URI (query kept) and headers. */
final class BackendRequests {

    private BackendRequests() {
    }

    static RequestOptions optionsFor(HttpServerRequest request, Backend backend, boolean webSocketUpgrade) {
        return new RequestOptions()
                .setMethod(request.method())
                .setHost(backend.host())
                .setPort(backend.port())
                .setURI(request.uri())
                .setHeaders(ForwardedHeaders.towardsBackend(request, webSocketUpgrade));
    }
}
