package com.laundryconnect.realtime.tracking.publish;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventType;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.session.publish.EventWriter;

/** Publishes chat messages as {@code message.sent} on {@code laundry.order-messages.v1}, keyed by order id. */
@ApplicationScoped
public class MessageSentPublisher {

    static final String SOURCE = "tracking-service";

    private final EventWriter writer;

    public MessageSentPublisher(EventWriter writer) {
        this.writer = writer;
    }

    /**
     * Returns the event's time once Kafka acknowledged it. Blocking: call from a worker thread, and outside a
     * transaction, since the acknowledgement completes on a Kafka thread.
     */
    public Instant publish(MessageSent message) {
        CloudEvent event = CloudEvent.create(SOURCE, message);
        writer.writeAll(List.of(new TypedEvent(event, EventType.MESSAGE_SENT, message)));
        return event.time().toInstant();
    }
}
