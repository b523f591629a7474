package com.laundryconnect.realtime.partner.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;
import com.laundryconnect.realtime.partner.store.OrderViews;
import com.laundryconnect.realtime.partner.ws.PartnerPush;

import io.smallrye.common.annotation.Blocking;

/** laundry.orders.v1: keeps the order views and tells a partner about an order assigned to them ({@code new_order}). */
@ApplicationScoped
public class OrderEventsConsumer {

    private final EventConsumption consumption;
    private final OrderViews views;
    private final PartnerPush push;

    public OrderEventsConsumer(EventConsumption consumption, OrderViews views, PartnerPush push) {
        this.consumption = consumption;
        this.views = views;
        this.push = push;
    }

    /** Acknowledged (and so committed) only after the event's transaction committed. */
    @Incoming("orders")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.consume(record, this::apply);
    }

    private void apply(TypedEvent event) {
        String eventId = event.envelope().id();
        switch (event.payload()) {
            case OrderCreated created -> views.recordCreated(eventId, event.envelope().time(), created);
            case OrderAssigned assigned -> views.recordAssigned(eventId, assigned)
                    .ifPresent(view -> push.newOrder(assigned.partnerId(), view, event.envelope().time()));
            case OrderStatusChanged changed -> views.recordStatusChanged(eventId, changed);
            default -> {
            }
        }
    }
}
