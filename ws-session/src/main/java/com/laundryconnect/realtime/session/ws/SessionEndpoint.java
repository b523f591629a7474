package com.laundryconnect.realtime.session.ws;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * The callbacks that every endpoint answers the same way under contract 4: binary frames get an error and the
 * connection stays open, a pong is a sign of life, a close takes the session out of every delivery. A concrete
 * endpoint is its {@code @WebSocket} path, its {@code @OnOpen} (authorisation, {@code connection_established}) and
 * its {@code @OnTextMessage} (its own message types).
 */
public abstract class SessionEndpoint {

    protected final Sessions sessions;

    protected SessionEndpoint(Sessions sessions) {
        this.sessions = sessions;
    }

    @OnBinaryMessage
    public void onBinary(WebSocketConnection connection, Buffer ignored) {
        sessions.refuseBinary(connection);
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer ignored) {
        sessions.pong(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
