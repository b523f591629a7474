package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.Pipe;

/**
 * A WebSocket through the edge, the way an nginx ingress does it: the handshake is forwarded to the backend, the
 * backend's answer (its chosen {@code Sec-WebSocket-Protocol} included) goes back to the client, and after a 101
 * both connections are spliced byte for byte. Frames are never re-encoded, so text and binary frames, pings and
 * close frames with their status code and reason reach the other side exactly as sent, in order.
 */
final class WebSocketTunnel {

    private static final int SWITCHING_PROTOCOLS = 101;

    private final HttpClient client;
    private final AccessLog accessLog;

    WebSocketTunnel(HttpClient client, AccessLog accessLog) {
        this.client = client;
        this.accessLog = accessLog;
    }

    void open(HttpServerRequest request, Backend backend) {
        request.pause();
        client.request(BackendRequests.optionsFor(request, backend, true))
                .compose(backendRequest -> handshake(request, backendRequest))
                .compose(backendResponse -> backendResponse.statusCode() == SWITCHING_PROTOCOLS
                        ? splice(request, backendResponse, backend)
                        : ProxyResponses.relay(request, backendResponse, backend, accessLog))
                .onFailure(failure -> ProxyResponses.backendFailed(request, backend, accessLog));
    }

    private static Future<HttpClientResponse> handshake(HttpServerRequest request, HttpClientRequest backendRequest) {
        Future<HttpClientResponse> response = backendRequest.connect();
        request.handler(backendRequest::write);
        request.endHandler(end -> backendRequest.end());
        request.resume();
        return response;
    }

    private Future<Void> splice(HttpServerRequest request, HttpClientResponse backendResponse, Backend backend) {
        NetSocket backendSocket = backendResponse.netSocket();
        // Frames the backend sends right after its 101 (an error and a close, say) wait here until the client is on.
        Pipe<Buffer> backendToClient = backendSocket.pipe();
        HttpServerResponse response = request.response().setStatusCode(SWITCHING_PROTOCOLS);
        response.headers().addAll(backendResponse.headers());
        return request.toNetSocket()
                .onSuccess(clientSocket -> {
                    accessLog.record(request, SWITCHING_PROTOCOLS, backend.serviceName());
                    backendToClient.to(clientSocket);
                    clientSocket.pipeTo(backendSocket);
                })
                .onFailure(failure -> {
                    backendToClient.close();
                    backendSocket.close();
                })
                .mapEmpty();
    }
}
