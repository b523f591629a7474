package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Plain HTTP through the edge: the request body and the response body are streamed, never buffered whole. */
final class HttpForwarder {

    private final HttpClient client;
    private final AccessLog accessLog;

    HttpForwarder(HttpClient client, AccessLog accessLog) {
        this.client = client;
        this.accessLog = accessLog;
    }

    void forward(HttpServerRequest request, Backend backend) {
        request.pause();
        client.request(BackendRequests.optionsFor(request, backend, false))
                .compose(backendRequest -> send(request, backendRequest))
                .compose(backendResponse -> ProxyResponses.relay(request, backendResponse, backend, accessLog))
                .onFailure(failure -> ProxyResponses.backendFailed(request, backend, accessLog));
    }

    private static Future<HttpClientResponse> send(HttpServerRequest request, HttpClientRequest backendRequest) {
        if (hasBody(request)) {
            return backendRequest.send(request);
        }
        request.resume();
        return backendRequest.send();
    }

    /** HTTP/1.1 framing: a request has a body only if it says how long it is or that it is chunked. */
    private static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
