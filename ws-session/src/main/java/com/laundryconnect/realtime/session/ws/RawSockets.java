package com.laundryconnect.realtime.session.ws;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.WebSocketBase;

/**
 * Whether a connection's socket can take more data. Vert.x completes a write as soon as it is queued, so the write
 * results cannot show a client that stopped reading; Vert.x's own {@code writeQueueFull()} (Netty's channel
 * writability) can, but websockets-next keeps the underlying socket package-private, hence the lookup.
 */
@RegisterForReflection(targets = WebSocketConnectionBase.class, methods = true)
final class WriteQueues {

    private static final MethodHandle WEB_SOCKET = webSocketAccessor();

    private WriteQueues() {
    }

    /** False for a socket that has closed meanwhile: Vert.x refuses to answer for those. */
    static boolean isFull(WebSocketConnection connection) {
        try {
            WebSocketBase socket = (WebSocketBase) WEB_SOCKET.invoke(connection);
            return !socket.isClosed() && socket.writeQueueFull();
        } catch (IllegalStateException closedMeanwhile) {
            return false;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the write queue of " + connection.id(), e);
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
