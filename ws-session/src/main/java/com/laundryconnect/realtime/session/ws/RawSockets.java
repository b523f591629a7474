package com.laundryconnect.realtime.session.ws;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.WebSocketBase;

/**
 * The Vert.x socket under a websockets-next connection, which websockets-next keeps package-private, hence the
 * lookup. Sessions need it twice on every write: Vert.x completes a write as soon as it is queued, so only
 * {@code writeQueueFull()} (Netty's channel writability) shows a client that stopped reading; and writing to it
 * directly spares each frame the Mutiny {@code Uni} and its subscription that {@code sendText} adds (7 % of
 * notification-service's CPU at 2,000 notifications/s, BENCHMARKS.md section 6).
 */
@RegisterForReflection(targets = WebSocketConnectionBase.class, methods = true)
final class RawSockets {

    private static final MethodHandle WEB_SOCKET = webSocketAccessor();

    private RawSockets() {
    }

    static WebSocketBase of(WebSocketConnection connection) {
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(connection);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot reach the socket of " + connection.id(), e);
        }
    }

    /** False for a socket that has closed meanwhile: Vert.x refuses to answer for those. */
    static boolean isFull(WebSocketBase socket) {
        try {
            return !socket.isClosed() && socket.writeQueueFull();
        } catch (IllegalStateException closedMeanwhile) {
            return false;
        }
    }

    private static MethodHandle webSocketAccessor() {
        try {
            var method = WebSocketConnectionBase.class.getDeclaredMethod("webSocket");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method)
                    .asType(MethodType.methodType(WebSocketBase.class, WebSocketConnection.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
