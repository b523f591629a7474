package com.laundryconnect.realtime.session.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

/** A real WebSocket client for end-to-end tests: it records every text frame and the close code the server sends. */
public final class TestSocket implements AutoCloseable {

    private static final Vertx VERTX = Vertx.vertx();
    private static final HttpClient CLIENT = VERTX.createHttpClient();

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMillis(50);

    private final WebSocket socket;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    private TestSocket(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(frames::add);
        socket.closeHandler(v -> closeCode.complete(socket.closeStatusCode() == null ? 1006 : (int) socket.closeStatusCode()));
        socket.exceptionHandler(e -> { });
    }

    public static TestSocket connect(URI uri) {
        return connect(uri, Map.of(), List.of());
    }

    public static TestSocket connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        return connect(CLIENT, uri, headers, subprotocols);
    }

    private static TestSocket connect(HttpClient client, URI uri, Map<String, String> headers, List<String> subprotocols) {
        try {
            // The handlers are registered on the event loop as the upgrade completes, before any frame is dispatched:
            // an error frame the server sends at once (4001) is not lost.
            return client.webSocket(options(uri, headers, subprotocols)).map(TestSocket::new)
                    .toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("WebSocket connection to " + uri.getPath() + " failed: " + e, e);
        }
    }

    /** Connects expecting the server to refuse the upgrade itself, and returns the HTTP status it answered with. */
    public static int rejectedUpgradeStatus(URI uri, Map<String, String> headers) {
        try {
            CLIENT.webSocket(options(uri, headers, List.of())).toCompletionStage().toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
            throw new AssertionError("upgrade to " + uri.getPath() + " was accepted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
            throw new AssertionError("unexpected failure: " + e.getCause(), e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Like a non-browser client, it sends an Origin header only when the test gives one. */
    private static WebSocketConnectOptions options(URI uri, Map<String, String> headers, List<String> subprotocols) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setSubProtocols(subprotocols)
                .setAllowOriginHeader(headers.keySet().stream().anyMatch("Origin"::equalsIgnoreCase));
        headers.forEach(options::addHeader);
        return options;
    }

    /** The next text frame as JSON; fails the test if none arrives in time. */
    public JsonObject next() {
        String frame = nextFrame(WAIT);
        if (frame == null) {
            throw new AssertionError("no message within " + WAIT + (closeCode.isDone() ? "; closed with " + closeCode.join() : ""));
        }
        return new JsonObject(frame);
    }

    /** Skips frames of other types until one of {@code type} arrives; fails if none does in time or the server closes. */
    public JsonObject next(String type) {
        return nextUnlessClosed(type).orElseThrow(() -> new AssertionError(
                "no '" + type + "' message before the server closed with " + closeCode.join()));
    }

    /**
     * Skips frames of other types until one of {@code type} arrives, or, once the server has closed the connection
     * and every frame it sent before is read, returns empty (a client that resumes then reconnects); fails if neither
     * happens in time.
     */
    public Optional<JsonObject> nextUnlessClosed(String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String frame = nextFrame(CLOSE_CHECK_INTERVAL);
            if (frame == null) {
                if (closeCode.isDone() && frames.isEmpty()) {
                    return Optional.empty();
                }
            } else if (type.equals(new JsonObject(frame).getString("type"))) {
                return Optional.of(new JsonObject(frame));
            }
        }
        throw new AssertionError("no '" + type + "' message within " + WAIT);
    }

    /** Asserts that nothing arrives for a while, and returns what did arrive if something did. */
    public List<String> quietFor(Duration duration) {
        String frame = nextFrame(duration);
        if (frame == null) {
            return List.of();
        }
        List<String> unexpected = new java.util.ArrayList<>(List.of(frame));
        frames.drainTo(unexpected);
        return unexpected;
    }

    private String nextFrame(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    public void send(JsonObject message) {
        send(message.encode());
    }

    /** Sends the text as one frame, however long, where {@link #send(String)} splits it into frames of 64 KiB. */
    public void sendOneFrame(String text) {
        socket.writeFrame(WebSocketFrame.textFrame(text, true));
    }

    public void sendBinary(byte[] bytes) {
        socket.writeBinaryMessage(Buffer.buffer(bytes));
    }

    public String subprotocol() {
        return socket.subProtocol();
    }

    /** Waits for the server to close the connection and returns its close code. */
    public int closeCode() {
        try {
            return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("connection not closed within " + WAIT, e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
