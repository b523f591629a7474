package com.laundryconnect.realtime.session.ws;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.session.CloseCodes;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Global WebSocket error handlers for inbound messages over the size limit: contract 4 wants close 1009, while
 * websockets-next would treat them as unhandled failures and close with 1011.
 */
@ApplicationScoped
public class OversizedMessages {

    private static final Logger LOG = Logger.getLogger(OversizedMessages.class);

    /** A single frame over {@code max-frame-size}, rejected by Netty's frame decoder. */
    @OnError
    public void oversizedFrame(CorruptedWebSocketFrameException e, WebSocketConnection connection) {
        close(connection, e.closeStatus() == null ? CloseCodes.MESSAGE_TOO_BIG : e.closeStatus().code());
    }

    /** A fragmented message whose parts add up to more than {@code max-message-size}, rejected by Vert.x. */
    @OnError
    public void oversizedMessage(IllegalStateException e, WebSocketConnection connection) {
        if (e.getMessage() != null && e.getMessage().contains("max message size")) {
            close(connection, CloseCodes.MESSAGE_TOO_BIG);
        } else {
            LOG.errorf(e, "WebSocket %s failed", connection.endpointId());
            close(connection, CloseReason.INTERNAL_SERVER_ERROR.getCode());
        }
    }

    private static void close(WebSocketConnection connection, int code) {
        connection.close(new CloseReason(code, code == CloseCodes.MESSAGE_TOO_BIG ? "Message too big" : "Server error"))
                .subscribe().with(closed -> { }, failure -> LOG.debugf("Close failed: %s", failure.getMessage()));
    }
}
