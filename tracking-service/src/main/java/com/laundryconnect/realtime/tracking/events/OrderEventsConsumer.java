package com.laundryconnect.realtime.tracking.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.tracking.orders.OrderProjection;
import com.laundryconnect.realtime.tracking.ws.OrderSubscribers;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code laundry.orders.v1}: each event is applied to the order view in its own transaction, its messages go to the
 * order's subscribers once that committed, and the record is acknowledged (so its offset committed) only after that.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final RecordProcessing processing;
    private final IncomingEvents incoming;
    private final OrderProjection projection;
    private final OrderSubscribers subscribers;

    public OrderEventsConsumer(RecordProcessing processing, IncomingEvents incoming, OrderProjection projection,
                               OrderSubscribers subscribers) {
        this.processing = processing;
        this.incoming = incoming;
        this.projection = projection;
        this.subscribers = subscribers;
    }

    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        return processing.process("orders", record, value -> incoming.read(Topic.ORDERS, value).ifPresent(this::apply));
    }

    private void apply(TypedEvent event) {
        List<Object> messages = projection.apply(event);
        OffsetDateTime time = event.envelope().time();
        subscribers.sendToAll(event.key(), time == null ? null : time.toInstant(), messages);
    }
}
