package com.laundryconnect.realtime.faulttest;

import java.util.Map;

import com.laundryconnect.realtime.loadtest.MonoClock;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * One user's session, behaving like the guide's {@code NotificationWebSocket}: after any close it tries again 3 s
 * later, up to 10 times in a row (a successful upgrade starts the count again), always with the token it was given,
 * plus contract 5's {@code since} (the id of the last item received), so the server replays what it missed.
 * Every frame that carries one of the run's events goes into the ledger with the time its session was established.
 */
final class ResumingClient {

    static final long RECONNECT_INTERVAL_MILLIS = 3_000;
    static final int MAX_RECONNECT_ATTEMPTS = 10;

    private final Vertx vertx;
    private final WebSocketClient client;
    private final int edgePort;
    private final Traffic.User user;
    private final String endpoint;
    private final Traffic traffic;
    private final DeliveryLedger ledger;
    private final Map<Integer, Integer> closeCodes;
    private final ResumeCursor cursor = new ResumeCursor();
    private final Promise<Void> firstEstablished = Promise.promise();
    private volatile WebSocket socket;
    private volatile long establishedMicros;
    private volatile boolean intentionallyClosed;
    private volatile boolean gaveUp;
    private int reconnectAttempts;

    /** {@code closeCodes} collects, for the whole run, how many sessions were closed with which code. */
    ResumingClient(Vertx vertx, WebSocketClient client, int edgePort, Traffic.User user, String endpoint,
                   Traffic traffic, DeliveryLedger ledger, Map<Integer, Integer> closeCodes) {
        this.vertx = vertx;
        this.client = client;
        this.edgePort = edgePort;
        this.user = user;
        this.endpoint = endpoint;
        this.traffic = traffic;
        this.ledger = ledger;
        this.closeCodes = closeCodes;
    }

    /** Connects; completes once the first {@code connection_established} arrived. */
    Future<Void> start() {
        vertx.runOnContext(ignored -> connect());
        return firstEstablished.future();
    }

    boolean gaveUp() {
        return gaveUp;
    }

    void close() {
        intentionallyClosed = true;
        WebSocket current = socket;
        if (current != null && !current.isClosed()) {
            current.close((short) 1000, "fault test done");
        }
    }

    private void connect() {
        client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(edgePort)
                        .setURI(cursor.resumeUri(endpoint)))
                .onSuccess(this::opened)
                .onFailure(failure -> attemptReconnect());
    }

    private void opened(WebSocket opened) {
        socket = opened;
        reconnectAttempts = 0;
        opened.textMessageHandler(text -> onText(opened, text));
        opened.exceptionHandler(failure -> { });
        opened.closeHandler(closed -> {
            Short code = opened.closeStatusCode();
            synchronized (closeCodes) {
                closeCodes.merge(code == null ? 1006 : (int) code, 1, Integer::sum);
            }
            if (!intentionallyClosed) {
                attemptReconnect();
            }
        });
    }

    private void onText(WebSocket from, String text) {
        long receivedMicros = MonoClock.micros();
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (RuntimeException e) {
            return;
        }
        if ("connection_established".equals(frame.getString("type"))) {
            cursor.startAt(traffic.resumeStartOf(frame));
            establishedMicros = receivedMicros;
            firstEstablished.tryComplete();
            return;
        }
        String key = traffic.keyOf(frame);
        if (key != null && from == socket) {
            ledger.received(user.index(), key, receivedMicros, establishedMicros);
            cursor.received(traffic.resumeIdOf(frame));
        }
    }

    private void attemptReconnect() {
        if (intentionallyClosed) {
            return;
        }
        if (reconnectAttempts >= MAX_RECONNECT_ATTEMPTS) {
            gaveUp = true;
            firstEstablished.tryFail("gave up after " + MAX_RECONNECT_ATTEMPTS + " attempts");
            return;
        }
        reconnectAttempts++;
        vertx.setTimer(RECONNECT_INTERVAL_MILLIS, id -> connect());
    }
}
