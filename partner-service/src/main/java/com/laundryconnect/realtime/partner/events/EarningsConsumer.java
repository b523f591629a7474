package com.laundryconnect.realtime.partner.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.partner.push.PartnerFrames;
import com.laundryconnect.realtime.partner.push.PartnerPush;
import com.laundryconnect.realtime.partner.store.Credit;
import com.laundryconnect.realtime.partner.store.EarningsLedger;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.ws.Deliveries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * laundry.partner-earnings.v1, a poll at a time: credits the partners' ledger in one statement and stores each
 * credit's {@code earnings_update}, with the partner's total right after it, in the partner's feed, in one
 * transaction; then pushes them in one fan-out.
 */
@ApplicationScoped
public class EarningsConsumer {

    private final EventIntake intake;
    private final EarningsLedger ledger;
    private final PartnerPush push;

    public EarningsConsumer(EventIntake intake, EarningsLedger ledger, PartnerPush push) {
        this.intake = intake;
        this.ledger = ledger;
        this.push = push;
    }

    @Incoming("partner-earnings")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.PARTNER_EARNINGS, batch, this::apply);
    }

    private Set<String> apply(List<TypedEvent> events) {
        List<EarningsLedger.CreditEvent> credits = new ArrayList<>();
        Map<String, OffsetDateTime> eventTimes = new HashMap<>();
        for (TypedEvent event : events) {
            if (event.payload() instanceof EarningsCredited earnings) {
                credits.add(new EarningsLedger.CreditEvent(event.envelope().id(), earnings));
                eventTimes.put(event.envelope().id(), event.envelope().time());
            }
        }
        if (credits.isEmpty()) {
            return Set.of();
        }
        Set<String> creditedNow = new HashSet<>();
        Deliveries deliveries = QuarkusTransaction.joiningExisting().call(() -> {
            PartnerFrames frames = new PartnerFrames();
            for (Credit credit : ledger.credit(credits)) {
                frames.earnings(credit, eventTimes.get(credit.eventId()));
                creditedNow.add(credit.eventId());
            }
            return push.record(frames);
        });
        push.send(deliveries);
        return credits.stream()
                .filter(credit -> !creditedNow.contains(credit.eventId()))
                .map(credit -> PartnerPush.routingKey(credit.earnings().partnerId()))
                .collect(Collectors.toSet());
    }
}
