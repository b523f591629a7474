package com.laundryconnect.realtime.tracking.events;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.tracking.chat.OrderChat;

import io.smallrye.common.annotation.Blocking;

/**
 * {@code laundry.order-messages.v1}: chat messages written elsewhere (e.g. published by the main backend) are stored,
 * and a partner's reaches the customer's tracking sessions. Messages this service stored already are skipped.
 */
@ApplicationScoped
public class OrderMessagesConsumer {

    private final RecordProcessing processing;
    private final IncomingEvents incoming;
    private final OrderChat chat;

    public OrderMessagesConsumer(RecordProcessing processing, IncomingEvents incoming, OrderChat chat) {
        this.processing = processing;
        this.incoming = incoming;
        this.chat = chat;
    }

    @Incoming("order-messages")
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        return processing.process("order-messages", record, value -> incoming.read(Topic.ORDER_MESSAGES, value)
                .ifPresent(event -> {
                    if (event.payload() instanceof MessageSent sent) {
                        Instant sentAt = event.envelope().time() == null ? Instant.now() : event.envelope().time().toInstant();
                        chat.acceptPublished(sent, sentAt);
                    }
                }));
    }
}
