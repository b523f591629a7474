package com.laundryconnect.realtime.tracking.push;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.session.ws.BestEffortPush;
import com.laundryconnect.realtime.session.ws.Deliveries;

/**
 * Pushes messages to the sessions tracking an order, on every replica: a batch's messages are gathered in a
 * {@link Deliveries} and sent in one fan-out. A push is best effort: the order's state is already stored, so a
 * subscriber that misses a push because Redis is unavailable still sees it on its next connect.
 */
@ApplicationScoped
public class OrderSubscribers {

    /** The endpoint id of /ws/orders/{id}/, as its sessions and their metrics name it. */
    public static final String ENDPOINT = "orders";

    private final BestEffortPush push;

    public OrderSubscribers(BestEffortPush push) {
        this.push = push;
    }

    /** Adds messages for every session of the order: its customer's, its partner's and staff's. */
    public void toAll(Deliveries deliveries, String orderId, Instant eventTime, List<?> messages) {
        add(deliveries, RoutingKeys.order(orderId), orderId, eventTime, messages);
    }

    /** Adds a message for the order's customer's sessions only. */
    public void toCustomer(Deliveries deliveries, String orderId, Instant eventTime, Object message) {
        add(deliveries, RoutingKeys.orderCustomer(orderId), orderId, eventTime, List.of(message));
    }

    /** Blocking: call from a worker, after the state behind the messages was committed. */
    public void send(Deliveries deliveries) {
        push.send(ENDPOINT, deliveries);
    }

    private static void add(Deliveries deliveries, String routingKey, String orderId, Instant eventTime,
                            List<?> messages) {
        // No session can subscribe to an id outside OrderIds, and such an id must not reach a routing key.
        if (OrderIds.isTrackable(orderId)) {
            deliveries.add(routingKey, eventTime, messages);
        }
    }
}
