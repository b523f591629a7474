package com.laundryconnect.realtime.session.ws;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.session.CloseCodes;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Global WebSocket error handler for inbound messages over the size limit: contract 4 wants close 1009, while
 * websockets-next would treat them as unhandled failures and close with 1011. A single frame over the limit never
 * gets here: Netty's decoder rejects it, and {@link ProtocolViolations} closes the connection.
 */
@ApplicationScoped
public class OversizedMessages {

    private static final Logger LOG = Logger.getLogger(OversizedMessages.class);

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
