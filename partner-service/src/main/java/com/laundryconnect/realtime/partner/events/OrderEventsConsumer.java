package com.laundryconnect.realtime.partner.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.partner.push.PartnerFrames;
import com.laundryconnect.realtime.partner.push.PartnerPush;
import com.laundryconnect.realtime.partner.store.OrderViews;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.ws.Deliveries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * laundry.orders.v1, a poll at a time: keeps the order views and tells a partner about an order assigned to them
 * ({@code new_order}). The views and the partners' feeds change in one transaction per batch, and the batch is
 * acknowledged (and so committed) only after that committed.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final EventIntake intake;
    private final OrderViews views;
    private final PartnerPush push;

    public OrderEventsConsumer(EventIntake intake, OrderViews views, PartnerPush push) {
        this.intake = intake;
        this.views = views;
        this.push = push;
    }

    @Incoming("orders")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.ORDERS, batch, this::apply);
    }

    private Set<String> apply(List<TypedEvent> events) {
        List<TypedEvent> appliedBefore = new ArrayList<>();
        Deliveries deliveries = QuarkusTransaction.joiningExisting().call(() -> {
            PartnerFrames frames = new PartnerFrames();
            for (OrderViews.Assignment assignment : views.apply(events, appliedBefore::add)) {
                frames.newOrder(assignment.partnerId(), assignment.view(), assignment.eventTime());
            }
            return push.record(frames);
        });
        push.send(deliveries);
        return appliedBefore.stream()
                .filter(event -> event.payload() instanceof OrderAssigned)
                .map(event -> PartnerPush.routingKey(((OrderAssigned) event.payload()).partnerId()))
                .collect(Collectors.toSet());
    }
}
