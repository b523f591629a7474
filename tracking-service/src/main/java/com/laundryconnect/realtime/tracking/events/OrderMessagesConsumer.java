package com.laundryconnect.realtime.tracking.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.tracking.chat.ChatLog.Published;
import com.laundryconnect.realtime.tracking.chat.OrderChat;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * {@code laundry.order-messages.v1}, a poll at a time: chat messages written elsewhere (e.g. published by the main
 * backend) are stored, and a partner's reaches the customer's tracking sessions. Messages this service stored
 * already are skipped.
 */
@ApplicationScoped
public class OrderMessagesConsumer {

    private final EventIntake intake;
    private final OrderChat chat;

    public OrderMessagesConsumer(EventIntake intake, OrderChat chat) {
        this.intake = intake;
        this.chat = chat;
    }

    @Incoming("order-messages")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.ORDER_MESSAGES, batch, this::apply);
    }

    Set<String> apply(List<TypedEvent> events) {
        List<Published> published = events.stream()
                .filter(event -> event.payload() instanceof MessageSent)
                .map(event -> Published.of((MessageSent) event.payload(), event.envelope().time()))
                .toList();
        return published.isEmpty() ? Set.of() : chat.acceptPublished(published);
    }
}
