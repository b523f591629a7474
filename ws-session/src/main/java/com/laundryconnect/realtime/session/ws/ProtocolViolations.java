package com.laundryconnect.realtime.session.ws;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Closes a connection whose client broke the WebSocket framing (above all a single frame over
 * {@code max-frame-size}: 1009, contract 4) with a close frame the client can actually read.
 *
 * <p>Netty's frame decoder rejects such a frame from its header, then discards every byte that follows; Vert.x
 * closes the TCP connection at once on the decoder's exception. The client, still sending the rest of its frame,
 * then gets a reset instead of the close frame and reports 1006, directly and through the edge. This handler sits
 * just before Vert.x's in each upgraded connection's pipeline and takes the exception instead: it sends the close
 * frame with the decoder's status (1009 for a frame too big), lets the decoder go on discarding what the client
 * still sends (memory stays bounded), and closes the connection only once the client has been silent for
 * {@link #QUIET_BEFORE_CLOSE_MS} (it has stopped sending and answered the close), or after
 * {@link #LONGEST_LINGER_MS} at most.
 */
@ApplicationScoped
public class ProtocolViolations implements HttpUpgradeCheck {

    static final long QUIET_BEFORE_CLOSE_MS = 500;
    static final long LONGEST_LINGER_MS = 10_000;

    private static final Logger LOG = Logger.getLogger(ProtocolViolations.class);
    private static final String HANDLER_NAME = "realtime-protocol-violations";

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (context.httpRequest().connection() instanceof ConnectionBase connection) {
            ChannelPipeline pipeline = connection.channel().pipeline();
            if (pipeline.get(HANDLER_NAME) == null) {
                pipeline.addBefore(connection.channelHandlerContext().name(), HANDLER_NAME, new CloseReadably());
            }
        }
        return CheckResult.permitUpgrade();
    }

    private static final class CloseReadably extends ChannelInboundHandlerAdapter {

        private boolean closing;

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (!(cause instanceof CorruptedWebSocketFrameException violation)) {
                context.fireExceptionCaught(cause);
                return;
            }
            if (closing) {
                return;
            }
            closing = true;
            WebSocketCloseStatus status = violation.closeStatus() == null
                    ? WebSocketCloseStatus.PROTOCOL_ERROR : violation.closeStatus();
            LOG.debugf("Closing %s with %d: %s", context.channel().remoteAddress(), status.code(), cause.getMessage());
            context.writeAndFlush(new CloseWebSocketFrame(status.code(), status.reasonText()));
            context.pipeline().addFirst(new IdleStateHandler(QUIET_BEFORE_CLOSE_MS, 0, 0, TimeUnit.MILLISECONDS));
            context.executor().schedule(() -> context.close(), LONGEST_LINGER_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (closing && event instanceof IdleStateEvent) {
                context.close();
                return;
            }
            context.fireUserEventTriggered(event);
        }
    }
}
