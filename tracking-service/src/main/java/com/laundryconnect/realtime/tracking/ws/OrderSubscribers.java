package com.laundryconnect.realtime.tracking.ws;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.session.ws.SessionMetrics;
import com.laundryconnect.realtime.session.ws.Sessions;

/**
 * Pushes messages to the sessions tracking an order, on every replica. A push is best effort: the order's state is
 * already stored, so a subscriber that misses a push because Redis is unavailable still sees it on its next connect.
 */
@ApplicationScoped
public class OrderSubscribers {

    private static final Logger LOG = Logger.getLogger(OrderSubscribers.class);

    private final Sessions sessions;
    private final SessionMetrics metrics;

    public OrderSubscribers(Sessions sessions, SessionMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    /** To every session of the order: its customer's, its partner's and staff's. Blocking: call from a worker. */
    public void sendToAll(String orderId, Instant eventTime, List<?> messages) {
        send(RoutingKeys.order(orderId), orderId, eventTime, messages);
    }

    /** To the order's customer's sessions only. Blocking: call from a worker. */
    public void sendToCustomer(String orderId, Instant eventTime, Object message) {
        send(RoutingKeys.orderCustomer(orderId), orderId, eventTime, List.of(message));
    }

    private void send(String routingKey, String orderId, Instant eventTime, List<?> messages) {
        // No session can subscribe to an id outside OrderIds, and such an id must not reach a routing key.
        if (messages.isEmpty() || !OrderIds.isTrackable(orderId)) {
            return;
        }
        try {
            sessions.deliver(routingKey, messages.toArray());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not push %d message(s) for order %s", messages.size(), orderId);
            return;
        }
        // A producer's clock may run ahead of ours; a negative latency would only be noise.
        if (eventTime != null && !eventTime.isAfter(Instant.now())) {
            metrics.deliveryLatency(OrderTrackingSocket.ENDPOINT_ID, eventTime);
        }
    }
}
