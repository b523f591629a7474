package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** What the client receives: the backend's response relayed, or the edge's own {@code {"detail": "..."}}. */
final class ProxyResponses {

    private ProxyResponses() {
    }

    static Future<Void> relay(HttpServerRequest request, HttpClientResponse backendResponse, Backend backend,
                              AccessLog accessLog) {
        HttpServerResponse response = request.response()
                .setStatusCode(backendResponse.statusCode())
                .setStatusMessage(backendResponse.statusMessage());
        ForwardedHeaders.copyEndToEnd(backendResponse.headers(), response.headers());
        accessLog.record(request, backendResponse.statusCode(), backend.serviceName());
        if (cannotHaveBody(request, backendResponse.statusCode())) {
            // Streaming would make Vert.x declare a chunked body, which these responses must not have.
            response.end();
            return backendResponse.end();
        }
        return response.send(backendResponse);
    }

    /** RFC 9110 section 6.4.1: answers to HEAD, 1xx, 204 and 304 end with their headers. */
    private static boolean cannotHaveBody(HttpServerRequest request, int status) {
        return request.method() == HttpMethod.HEAD || status < 200 || status == 204 || status == 304;
    }

    static void notFound(HttpServerRequest request, AccessLog accessLog) {
        sendDetail(request, 404, "Not found.");
        accessLog.record(request, 404, "(no route)");
    }

    static void backendFailed(HttpServerRequest request, Backend backend, AccessLog accessLog) {
        if (request.response().headWritten()) {
            // Too late for a 502: the backend failed in the middle of its response, so the client must see a cut.
            request.connection().close();
            return;
        }
        sendDetail(request, 502, backend.serviceName() + " is not answering on " + backend.address() + ".");
        accessLog.record(request, 502, backend.serviceName());
    }

    static void sendDetail(HttpServerRequest request, int status, String detail) {
        request.resume();
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("detail", detail).encode());
    }
}
