package com.laundryconnect.realtime.loadtest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * Many WebSocket sessions on a few Vert.x event loops. Sessions are opened with a bounded number of handshakes in
 * flight; a session counts as open once its first message, {@code connection_established}, arrived. Every message
 * of an open session goes to the scenario's listener with its receive time.
 */
final class SocketFleet implements AutoCloseable {

    /** One client session. */
    static final class Conn {
        final int index;
        final String uri;
        volatile WebSocket socket;
        volatile boolean established;
        volatile boolean open;
        volatile int closeCode = -1;
        volatile String closeReason;
        volatile String refusal;
        volatile int attempts;
        /** When the last attempt began and when its {@code connection_established} arrived, on {@link MonoClock}. */
        volatile long attemptStartMicros;
        volatile long establishedMicros;

        Conn(int index, String uri) {
            this.index = index;
            this.uri = uri;
        }
    }

    interface Listener {
        /** Called on an event loop for every message, {@code connection_established} included. */
        void onMessage(Conn conn, JsonObject message, long receivedMicros);
    }

    /**
     * The URI a session's attempt opens, found out just before the attempt: the token-service round trip of a client
     * that fetches a WebSocket token before every connect. Completes with the path and query to open.
     */
    interface UriSource {
        Future<String> uriFor(Conn conn);
    }

    /** Whether a failed session is tried again (e.g. 4003 while the order is still on its way). */
    interface RetryPolicy {
        boolean retry(Conn conn, String failure);
    }

    private final Vertx vertx;
    private final WebSocketClient client;
    private final String host;
    private final int port;
    private final Listener listener;
    private final AtomicInteger established = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong unparsable = new AtomicLong();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> closesAfterEstablished = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> retriedFailures = new ConcurrentHashMap<>();

    SocketFleet(String host, int port, int eventLoops, int maxConnections, Listener listener) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(maxConnections + 100)
                .setConnectTimeout(30_000)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(4 << 20)
                .setClosingTimeout(5));
        this.host = host;
        this.port = port;
        this.listener = listener;
    }

    Vertx vertx() {
        return vertx;
    }

    /**
     * Opens every session, at most {@code concurrency} handshakes at a time, each given {@code attemptTimeoutMillis}
     * to reach {@code connection_established}; returns when all are open or failed, or at the deadline.
     */
    void openAll(List<Conn> conns, int concurrency, long attemptTimeoutMillis, long retryDelayMillis,
                 long deadlineNanos, RetryPolicy retryPolicy, Consumer<String> progress) {
        openAll(conns, concurrency, attemptTimeoutMillis, retryDelayMillis, deadlineNanos, retryPolicy,
                conn -> Future.succeededFuture(conn.uri), progress);
    }

    /** Like the other openAll, each attempt opening the URI {@code uriSource} finds for it at that moment. */
    void openAll(List<Conn> conns, int concurrency, long attemptTimeoutMillis, long retryDelayMillis,
                 long deadlineNanos, RetryPolicy retryPolicy, UriSource uriSource, Consumer<String> progress) {
        CountDownLatch done = new CountDownLatch(conns.size());
        AtomicInteger next = new AtomicInteger();
        Runnable[] launchNext = new Runnable[1];
        launchNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= conns.size()) {
                return;
            }
            attempt(conns.get(i), attemptTimeoutMillis, retryDelayMillis, deadlineNanos, retryPolicy, uriSource, () -> {
                done.countDown();
                launchNext[0].run();
            });
        };
        for (int i = 0; i < Math.min(concurrency, conns.size()); i++) {
            vertx.runOnContext(v -> launchNext[0].run());
        }
        long lastProgress = System.nanoTime();
        while (done.getCount() > 0 && System.nanoTime() < deadlineNanos) {
            try {
                done.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (System.nanoTime() - lastProgress >= TimeUnit.SECONDS.toNanos(5)) {
                lastProgress = System.nanoTime();
                progress.accept("opening: %d established, %d failed, %d to go".formatted(established.get(),
                        failedCount(), done.getCount()));
            }
        }
        if (done.getCount() > 0) {
            failures.computeIfAbsent("setup deadline reached", k -> new AtomicInteger()).addAndGet((int) done.getCount());
        }
    }

    private void attempt(Conn conn, long timeoutMillis, long retryDelayMillis, long deadlineNanos, RetryPolicy retryPolicy,
                         UriSource uriSource, Runnable finished) {
        if (System.nanoTime() >= deadlineNanos) {
            fail("setup deadline reached");
            finished.run();
            return;
        }
        conn.attempts++;
        conn.refusal = null;
        conn.attemptStartMicros = MonoClock.micros();
        Promise<Void> outcome = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> outcome.tryFail("no connection_established within "
                + timeoutMillis + " ms"));
        uriSource.uriFor(conn)
                .onFailure(failure -> outcome.tryFail("no URI: " + shortText(failure)))
                .compose(uri -> client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri)))
                .onFailure(failure -> outcome.tryFail("connect failed: " + shortText(failure)))
                .onSuccess(socket -> {
                    conn.socket = socket;
                    conn.open = true;
                    socket.textMessageHandler(text -> onText(conn, text, outcome));
                    socket.exceptionHandler(failure -> { });
                    socket.closeHandler(closed -> {
                        if (conn.socket != socket) {
                            return; // an earlier, refused attempt of a session that was tried again
                        }
                        conn.open = false;
                        Short code = socket.closeStatusCode();
                        conn.closeCode = code == null ? -1 : code;
                        conn.closeReason = socket.closeReason();
                        if (conn.established) {
                            openNow.decrementAndGet();
                            closesAfterEstablished.computeIfAbsent(conn.closeCode, k -> new AtomicInteger()).incrementAndGet();
                        } else {
                            outcome.tryFail("closed " + conn.closeCode
                                    + (conn.refusal != null ? " (" + conn.refusal + ")" : ""));
                        }
                    });
                });
        outcome.future().onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                finished.run();
                return;
            }
            String failure = result.cause().getMessage();
            WebSocket socket = conn.socket;
            if (socket != null && !socket.isClosed()) {
                socket.close();
            }
            if (retryPolicy.retry(conn, failure) && System.nanoTime() + retryDelayMillis * 1_000_000 < deadlineNanos) {
                tally(retriedFailures, failure);
                vertx.setTimer(retryDelayMillis, id ->
                        attempt(conn, timeoutMillis, retryDelayMillis, deadlineNanos, retryPolicy, uriSource, finished));
                return;
            }
            fail(failure);
            finished.run();
        });
    }

    private void onText(Conn conn, String text, Promise<Void> outcome) {
        long received = MonoClock.micros();
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (RuntimeException e) {
            unparsable.incrementAndGet();
            return;
        }
        messages.incrementAndGet();
        if (!conn.established) {
            String type = message.getString("type", "");
            if (type.equals("connection_established")) {
                conn.establishedMicros = received;
                conn.established = true;
                established.incrementAndGet();
                openNow.incrementAndGet();
                outcome.tryComplete();
            } else if (type.equals("error")) {
                conn.refusal = message.getValue("code") + " " + message.getString("message");
                return;
            }
        }
        listener.onMessage(conn, message, received);
    }

    private void fail(String reason) {
        tally(failures, reason);
    }

    private static void tally(Map<String, AtomicInteger> counts, String reason) {
        String key = reason.replaceAll("\\d{5,}", "N");
        counts.computeIfAbsent(key.length() > 160 ? key.substring(0, 160) : key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Failed attempts that were tried again (and may have succeeded later), by reason. */
    Map<String, AtomicInteger> retriedFailures() {
        return retriedFailures;
    }

    int establishedCount() {
        return established.get();
    }

    int openCount() {
        return openNow.get();
    }

    long messageCount() {
        return messages.get();
    }

    long unparsableCount() {
        return unparsable.get();
    }

    int failedCount() {
        return failures.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Map<String, AtomicInteger> failures() {
        return failures;
    }

    Map<Integer, AtomicInteger> closesAfterEstablished() {
        return closesAfterEstablished;
    }

    /** Closes every session normally (1000) and waits, at most {@code maxMillis}, for the closes to complete. */
    void closeAll(List<Conn> conns, long maxMillis) {
        for (Conn conn : conns) {
            WebSocket socket = conn.socket;
            if (socket != null && !socket.isClosed()) {
                socket.close((short) 1000, "load test done");
            }
        }
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (System.nanoTime() < deadline && openNow.get() > 0) {
            ProcessProbe.sleepQuietly(200);
        }
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the JVM exits after the report
        }
    }

    private static String shortText(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
