package com.laundryconnect.realtime.session.ws;

import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.http.WebSocketBase;

/**
 * What goes out to a session, with contract 4's bounded outbound queue: frames are serialised once and written to the
 * socket directly, and a client that stopped reading is handed to {@code slowClient} instead of letting memory grow.
 */
final class SessionWriter {

    private static final Logger LOG = Logger.getLogger(SessionWriter.class);

    private final ObjectMapper json;
    private final SessionMetrics metrics;
    private final int outboundQueueLimit;
    private final Consumer<Session> slowClient;

    SessionWriter(ObjectMapper json, SessionMetrics metrics, int outboundQueueLimit, Consumer<Session> slowClient) {
        this.json = json;
        this.metrics = metrics;
        this.outboundQueueLimit = outboundQueueLimit;
        this.slowClient = slowClient;
    }

    void send(Session session, Object message) {
        write(session, json(message));
    }

    /**
     * Writes unless the client has stopped keeping up: every message written while the socket's write queue is full
     * counts against the outbound bound, and a client past it goes to {@code slowClient} (closed with 1013).
     */
    void write(Session session, String frame) {
        if (!session.connection().isOpen()) {
            return;
        }
        WebSocketBase socket = RawSockets.of(session.connection());
        if (RawSockets.isFull(socket)) {
            if (session.backlog().incrementAndGet() > outboundQueueLimit) {
                slowClient.accept(session);
                return;
            }
        } else {
            session.backlog().set(0);
        }
        socket.writeTextMessage(frame).onComplete(written -> {
            if (written.succeeded()) {
                metrics.messageOut(session.endpoint());
            } else {
                LOG.debugf("Write to %s failed: %s", session.connection().id(), written.cause().getMessage());
            }
        });
    }

    void close(Session session, int code, String reason) {
        if (session.connection().isOpen()) {
            session.connection().close(new CloseReason(code, reason))
                    .subscribe().with(closed -> { }, failure -> LOG.debugf("Close failed: %s", failure.getMessage()));
        }
    }

    String json(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }
}
