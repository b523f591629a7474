package com.laundryconnect.realtime.partner.events;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.partner.push.PartnerFrames;
import com.laundryconnect.realtime.partner.push.PartnerPush;
import com.laundryconnect.realtime.partner.store.ProcessedEvents;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.ws.Deliveries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * laundry.order-messages.v1, a poll at a time: a customer's message reaches the partner it was written to
 * ({@code customer_message}), once: the message's id is recorded and the frame stored in the partner's feed in one
 * transaction. Partners' replies are for the order-tracking endpoint, not for this one.
 */
@ApplicationScoped
public class OrderMessagesConsumer {

    private final EventIntake intake;
    private final ProcessedEvents processedEvents;
    private final PartnerPush push;

    public OrderMessagesConsumer(EventIntake intake, ProcessedEvents processedEvents, PartnerPush push) {
        this.intake = intake;
        this.processedEvents = processedEvents;
        this.push = push;
    }

    @Incoming("order-messages")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.ORDER_MESSAGES, batch, this::apply);
    }

    private Set<String> apply(List<TypedEvent> events) {
        List<TypedEvent> customerMessages = events.stream()
                .filter(event -> event.payload() instanceof MessageSent message
                        && message.senderRole() == SenderRole.CUSTOMER)
                .toList();
        if (customerMessages.isEmpty()) {
            return Set.of();
        }
        Set<String> appliedBefore = new HashSet<>();
        Deliveries deliveries = QuarkusTransaction.joiningExisting().call(() -> {
            Set<String> firstDeliveries = processedEvents.firstDeliveries(
                    customerMessages.stream().map(event -> event.envelope().id()).toList());
            PartnerFrames frames = new PartnerFrames();
            for (TypedEvent event : customerMessages) {
                MessageSent message = (MessageSent) event.payload();
                if (firstDeliveries.remove(event.envelope().id())) {
                    frames.customerMessage(message, event.envelope().time());
                } else {
                    appliedBefore.add(PartnerPush.routingKey(message.recipientId()));
                }
            }
            return push.record(frames);
        });
        push.send(deliveries);
        return appliedBefore;
    }
}
