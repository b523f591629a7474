package com.laundryconnect.realtime.session.ws;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import com.laundryconnect.realtime.session.CloseCodes;

import io.vertx.core.Vertx;

/**
 * Contract 4's clocks: a session is closed with 4001 when its token expires (the guide's client then fetches a new
 * one) and with 1001 once its client has been silent for the idle timeout (no frame, no pong).
 */
final class SessionTimers {

    private static final long IDLE_SWEEP_MILLIS = 5_000;

    private final Vertx vertx;
    private final SessionWriter writer;
    private final Duration idleTimeout;
    private final Supplier<Collection<Session>> sessions;
    private final long idleSweepTimer;

    SessionTimers(Vertx vertx, SessionWriter writer, Duration idleTimeout, Supplier<Collection<Session>> sessions) {
        this.vertx = vertx;
        this.writer = writer;
        this.idleTimeout = idleTimeout;
        this.sessions = sessions;
        this.idleSweepTimer = vertx.setPeriodic(IDLE_SWEEP_MILLIS, id -> dropIdleSessions());
    }

    void startExpiry(Session session) {
        long millisToExpiry = session.caller().expiresAt().toEpochMilli() - System.currentTimeMillis();
        session.expiryTimerId(vertx.setTimer(Math.max(1, millisToExpiry), id -> expire(session)));
    }

    void stopExpiry(Session session) {
        vertx.cancelTimer(session.expiryTimerId());
    }

    void stop() {
        vertx.cancelTimer(idleSweepTimer);
    }

    private void expire(Session session) {
        if (session.connection().isOpen()) {
            writer.send(session, new ServerMessages.Error(CloseCodes.UNAUTHENTICATED, "Token expired"));
            writer.close(session, CloseCodes.UNAUTHENTICATED, "Token expired");
        }
    }

    private void dropIdleSessions() {
        long silentSince = System.currentTimeMillis() - idleTimeout.toMillis();
        for (Session session : sessions.get()) {
            if (session.lastSeenMillis() < silentSince) {
                writer.close(session, CloseCodes.GOING_AWAY, "Idle for too long");
            }
        }
    }
}
