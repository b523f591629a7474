package com.laundryconnect.realtime.session.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.laundryconnect.realtime.session.auth.Caller;

import io.quarkus.websockets.next.WebSocketConnection;

/** One open, authenticated WebSocket session and the counters its limits need. */
public final class Session {

    private final WebSocketConnection connection;
    private final Caller caller;
    private final String endpoint;
    private final Set<String> routingKeys;
    private final AtomicInteger backlog = new AtomicInteger();
    private final long openedAtNanos = System.nanoTime();
    private volatile long lastSeenMillis = System.currentTimeMillis();
    private volatile long expiryTimerId = -1;
    /** Live deliveries to it may have been lost: none is written any more, it is about to be closed with 1012. */
    private volatile boolean stale;
    private long rateWindowStartMillis;
    private int messagesInWindow;
    private int strikes;
    private boolean windowStruck;
    private List<Delivery> heldDeliveries;
    private Set<String> replayedKeys = Set.of();

    Session(WebSocketConnection connection, Caller caller, String endpoint, Set<String> routingKeys) {
        this.connection = connection;
        this.caller = caller;
        this.endpoint = endpoint;
        this.routingKeys = Set.copyOf(routingKeys);
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public Caller caller() {
        return caller;
    }

    public String endpoint() {
        return endpoint;
    }

    Set<String> routingKeys() {
        return routingKeys;
    }

    void markStale() {
        stale = true;
    }

    boolean isStale() {
        return stale;
    }

    long openedAtNanos() {
        return openedAtNanos;
    }

    /** Messages written while the client's socket could take no more. */
    AtomicInteger backlog() {
        return backlog;
    }

    void touch() {
        lastSeenMillis = System.currentTimeMillis();
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }

    long expiryTimerId() {
        return expiryTimerId;
    }

    void expiryTimerId(long id) {
        expiryTimerId = id;
    }

    synchronized void hold() {
        heldDeliveries = new ArrayList<>();
    }

    /**
     * Remembers what the resume replay sent, for the session's life: a message stored before the replay read storage
     * can reach the fan-out only after the hold ended (its publish follows its commit), and is then not written twice.
     */
    synchronized void replayed(Set<String> keys) {
        replayedKeys = Set.copyOf(keys);
    }

    /** Whether the resume replay already sent this delivery's message. */
    synchronized boolean wasReplayed(Delivery delivery) {
        return delivery.replayKey() != null && replayedKeys.contains(delivery.replayKey());
    }

    /** What becomes of a live delivery: kept back while the session is held, dropped if replayed, else written. */
    synchronized LiveDelivery offerLive(Delivery delivery) {
        if (heldDeliveries != null) {
            heldDeliveries.add(delivery);
            return LiveDelivery.HELD;
        }
        return wasReplayed(delivery) ? LiveDelivery.ALREADY_SENT : LiveDelivery.WRITE;
    }

    /**
     * Hands back what was kept since the last call, in arrival order. Only when nothing was kept meanwhile does the
     * hold end, so that every held delivery is written before any later one is written directly.
     */
    synchronized List<Delivery> drainHeld() {
        List<Delivery> held = heldDeliveries == null ? List.of() : heldDeliveries;
        heldDeliveries = held.isEmpty() ? null : new ArrayList<>();
        return held;
    }

    /**
     * Counts one inbound message in its one-second window. Over the rate the message is refused; the connection is
     * closed when that persists: for {@code strikesToClose} consecutive seconds, or past twice the rate in one.
     */
    synchronized RateVerdict countInbound(long nowMillis, int maxPerSecond, int strikesToClose) {
        if (nowMillis - rateWindowStartMillis >= 1000) {
            boolean previousWindowStruckJustBefore = windowStruck && nowMillis - rateWindowStartMillis < 2000;
            if (!previousWindowStruckJustBefore) {
                strikes = 0;
            }
            rateWindowStartMillis = nowMillis;
            messagesInWindow = 0;
            windowStruck = false;
        }
        messagesInWindow++;
        if (messagesInWindow <= maxPerSecond) {
            return RateVerdict.ALLOWED;
        }
        if (!windowStruck) {
            windowStruck = true;
            strikes++;
        }
        return strikes >= strikesToClose || messagesInWindow > 2 * maxPerSecond ? RateVerdict.CLOSE : RateVerdict.REFUSED;
    }

    enum RateVerdict { ALLOWED, REFUSED, CLOSE }

    enum LiveDelivery { HELD, ALREADY_SENT, WRITE }
}
