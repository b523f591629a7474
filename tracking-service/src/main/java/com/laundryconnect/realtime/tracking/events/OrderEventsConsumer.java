package com.laundryconnect.realtime.tracking.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.ws.Deliveries;
import com.laundryconnect.realtime.tracking.orders.OrderProjection;
import com.laundryconnect.realtime.tracking.push.OrderSubscribers;
import com.laundryconnect.realtime.tracking.push.RoutingKeys;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * {@code laundry.orders.v1}, a poll at a time: the batch is applied to the order views in one transaction, its
 * messages go to the orders' subscribers in one fan-out once that committed, and the batch is acknowledged (so its
 * offsets committed) only after that.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final EventIntake intake;
    private final OrderProjection projection;
    private final OrderSubscribers subscribers;

    public OrderEventsConsumer(EventIntake intake, OrderProjection projection, OrderSubscribers subscribers) {
        this.intake = intake;
        this.projection = projection;
        this.subscribers = subscribers;
    }

    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.ORDERS, batch, this::apply);
    }

    /** Returns the routing keys of the orders whose events were applied before; their sessions resume on a gap. */
    private Set<String> apply(List<TypedEvent> events) {
        Deliveries deliveries = new Deliveries();
        Set<String> appliedBefore = new HashSet<>();
        for (OrderProjection.OrderChange change : projection.apply(events,
                event -> appliedBefore.add(RoutingKeys.order(event.key())))) {
            subscribers.toAll(deliveries, change.orderId(), change.eventTime(), change.messages());
        }
        subscribers.send(deliveries);
        return appliedBefore;
    }
}
