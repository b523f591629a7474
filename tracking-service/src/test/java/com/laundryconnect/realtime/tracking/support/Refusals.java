package com.laundryconnect.realtime.tracking.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * Observes a refused connection: its {@code error} frame, close code and how long the refusal took. Its handlers are
 * in place before the upgrade completes; TestSocket sets them afterwards, so an error the server sends at once
 * (a 4001) could be dropped before TestSocket listens.
 */
public final class Refusals {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = Vertx.vertx().createHttpClient();

    public record Refusal(JsonObject error, int closeCode, Duration took) {
    }

    private Refusals() {
    }

    public static Refusal of(URI uri, Map<String, String> headers) {
        CompletableFuture<JsonObject> firstFrame = new CompletableFuture<>();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setAllowOriginHeader(headers.containsKey("Origin"));
        headers.forEach(options::addHeader);
        long start = System.nanoTime();
        CLIENT.webSocket(options)
                .onSuccess(socket -> {
                    socket.textMessageHandler(text -> firstFrame.complete(new JsonObject(text)));
                    socket.closeHandler(closed -> {
                        closeCode.complete(socket.closeStatusCode() == null ? 1006 : (int) socket.closeStatusCode());
                    });
                    socket.exceptionHandler(failure -> { });
                })
                .onFailure(closeCode::completeExceptionally);
        try {
            int code = closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Refusal(firstFrame.getNow(null), code, took);
        } catch (Exception e) {
            throw new AssertionError("connection to " + uri.getPath() + " was not closed within " + WAIT, e);
        }
    }
}
