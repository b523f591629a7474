package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;

import java.util.Optional;

/** The local stand-in for the Kubernetes ingress: one origin in front of all services. */
public final class EdgeServer {

    private static final int BACKEND_CONNECT_TIMEOUT_MILLIS = 5_000;
    // Every open WebSocket holds a backend connection of its own, so the pool must hold as many as the largest load
    // test opens (10,000 sessions); requests beyond it fail after a short queue instead of waiting forever.
    private static final int MAX_BACKEND_CONNECTIONS_PER_SERVICE = 20_000;
    private static final int MAX_WAITING_FOR_A_BACKEND_CONNECTION = 1_000;

    private final RouteTable routes;
    private final HttpForwarder httpForwarder;
    private final WebSocketTunnel webSocketTunnel;
    private final AccessLog accessLog;
    private final Optional<ConsoleFiles> consoleFiles;

    private EdgeServer(RouteTable routes, HttpClient client, AccessLog accessLog, Optional<ConsoleFiles> consoleFiles) {
        this.routes = routes;
        this.consoleFiles = consoleFiles;
        this.httpForwarder = new HttpForwarder(client, accessLog);
        this.webSocketTunnel = new WebSocketTunnel(client, accessLog);
        this.accessLog = accessLog;
    }

    public static Future<HttpServer> start(Vertx vertx, RouteTable routes, String host, int port, AccessLog accessLog) {
        return start(vertx, routes, host, port, accessLog, Optional.empty());
    }

    public static Future<HttpServer> start(Vertx vertx, RouteTable routes, String host, int port, AccessLog accessLog,
                                           Optional<ConsoleFiles> consoleFiles) {
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout(BACKEND_CONNECT_TIMEOUT_MILLIS),
                new PoolOptions().setHttp1MaxSize(MAX_BACKEND_CONNECTIONS_PER_SERVICE)
                        .setMaxWaitQueueSize(MAX_WAITING_FOR_A_BACKEND_CONNECTION));
        EdgeServer edge = new EdgeServer(routes, client, accessLog, consoleFiles);
        return vertx.createHttpServer(new HttpServerOptions()
                        // Plain HTTP/1.1 like the ingress: an h2c upgrade would bypass the WebSocket tunnel.
                        .setHttp2ClearTextEnabled(false)
                        .setHandle100ContinueAutomatically(true))
                .requestHandler(edge::handle)
                .listen(port, host);
    }

    private void handle(HttpServerRequest request) {
        if (consoleFiles.isPresent() && consoleFiles.get().serves(request)) {
            consoleFiles.get().serve(request, accessLog);
            return;
        }
        routes.backendFor(request.path()).ifPresentOrElse(
                backend -> {
                    if (ForwardedHeaders.isWebSocketUpgrade(request)) {
                        webSocketTunnel.open(request, backend);
                    } else {
                        httpForwarder.forward(request, backend);
                    }
                },
                () -> ProxyResponses.notFound(request, accessLog));
    }
}
