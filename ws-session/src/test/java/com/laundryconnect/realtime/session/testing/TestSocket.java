package com.laundryconnect.realtime.session.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.json.JsonObject;

/**
 * A real WebSocket client for end-to-end tests: it records every text frame and the close code the server sends.
 *
 * <p>It is the JDK's client because that one takes its listener before the upgrade starts: a server that refuses at
 * once (an error frame and a close in the same read as the 101) is heard in full. Vert.x's client has its handlers set
 * once the connect future completes, and about one refusal in 2,000 had closed the socket by then.
 */
public final class TestSocket implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMillis(50);
    /** The frame size a Vert.x or browser client splits long messages into, and the servers' largest frame. */
    private static final int FRAME_BYTES = 64 * 1024;
    private static final int ABNORMAL_CLOSURE = 1006;

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    private TestSocket() {
    }

    public static TestSocket connect(URI uri) {
        return connect(uri, Map.of(), List.of());
    }

    /** Like a non-browser client, it sends an Origin header only when the test gives one. */
    public static TestSocket connect(URI uri, Map<String, String> headers, List<String> subprotocols) {
        TestSocket testSocket = new TestSocket();
        try {
            testSocket.socket = builder(headers, subprotocols).buildAsync(webSocketUri(uri), testSocket.new Listener())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return testSocket;
        } catch (Exception e) {
            throw new AssertionError("WebSocket connection to " + uri.getPath() + " failed: " + e, e);
        }
    }

    /** Connects expecting the server to refuse the upgrade itself, and returns the HTTP status it answered with. */
    public static int rejectedUpgradeStatus(URI uri, Map<String, String> headers) {
        try {
            builder(headers, List.of()).buildAsync(webSocketUri(uri), new WebSocket.Listener() { })
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).abort();
            throw new AssertionError("upgrade to " + uri.getPath() + " was accepted");
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof WebSocketHandshakeException rejected) {
                    return rejected.getResponse().statusCode();
                }
            }
            throw new AssertionError("unexpected failure: " + e.getCause(), e);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static WebSocket.Builder builder(Map<String, String> headers, List<String> subprotocols) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.getFirst(),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        return builder;
    }

    private static URI webSocketUri(URI uri) {
        String scheme = "https".equals(uri.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + uri.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Collects text messages whole, however many frames they come in, and the close code or 1006 for a lost socket. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(ABNORMAL_CLOSURE);
        }
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
        List<String> unexpected = new ArrayList<>(List.of(frame));
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

    /** Sends the text as a browser would: one message, in frames of at most 64 KiB. */
    public void send(String text) {
        int start = 0;
        do {
            int end = frameEnd(text, start);
            if (!completes(socket.sendText(text.subSequence(start, end), end == text.length()))) {
                return;
            }
            start = end;
        } while (start < text.length());
    }

    /** Where the frame that starts at {@code start} ends: at most 64 KiB of UTF-8, never inside a surrogate pair. */
    private static int frameEnd(String text, int start) {
        int end = Math.min(text.length(), start + FRAME_BYTES / 4);
        return end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
    }

    public void send(JsonObject message) {
        send(message.encode());
    }

    /** Sends the text as one frame, however long, where {@link #send(String)} splits it into frames of 64 KiB. */
    public void sendOneFrame(String text) {
        completes(socket.sendText(text, true));
    }

    public void sendBinary(byte[] bytes) {
        completes(socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /**
     * Waits for a send to be written, as the JDK's client needs before the next one; false when the server had closed
     * the connection (a client's write to a closed socket is lost, which is what some tests provoke).
     */
    private static boolean completes(CompletableFuture<WebSocket> send) {
        try {
            send.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("a send did not complete within " + WAIT, e);
        }
    }

    /** The subprotocol the server chose, or null when it chose none. */
    public String subprotocol() {
        return socket.getSubprotocol().isEmpty() ? null : socket.getSubprotocol();
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
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
        }
    }
}
