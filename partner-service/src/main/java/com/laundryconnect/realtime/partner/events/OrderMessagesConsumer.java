package com.laundryconnect.realtime.partner.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.partner.store.ProcessedEvents;
import com.laundryconnect.realtime.partner.ws.PartnerPush;

import io.smallrye.common.annotation.Blocking;

/**
 * laundry.order-messages.v1: a customer's message reaches the partner it was written to ({@code customer_message}).
 * Partners' replies are for the order-tracking endpoint, not for this one.
 */
@ApplicationScoped
public class OrderMessagesConsumer {

    private final EventConsumption consumption;
    private final ProcessedEvents processedEvents;
    private final PartnerPush push;

    public OrderMessagesConsumer(EventConsumption consumption, ProcessedEvents processedEvents, PartnerPush push) {
        this.consumption = consumption;
        this.processedEvents = processedEvents;
        this.push = push;
    }

    @Incoming("order-messages")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.consume(record, this::apply);
    }

    private void apply(TypedEvent event) {
        if (event.payload() instanceof MessageSent message && message.senderRole() == SenderRole.CUSTOMER
                && processedEvents.firstDelivery(event.envelope().id())) {
            push.customerMessage(message, event.envelope().time());
        }
    }
}
