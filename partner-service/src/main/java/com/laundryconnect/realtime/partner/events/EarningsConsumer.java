package com.laundryconnect.realtime.partner.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.partner.store.EarningsLedger;
import com.laundryconnect.realtime.partner.ws.PartnerPush;

import io.smallrye.common.annotation.Blocking;

/** laundry.partner-earnings.v1: credits the partner's ledger, then pushes {@code earnings_update} with the new total. */
@ApplicationScoped
public class EarningsConsumer {

    private final EventConsumption consumption;
    private final EarningsLedger ledger;
    private final PartnerPush push;

    public EarningsConsumer(EventConsumption consumption, EarningsLedger ledger, PartnerPush push) {
        this.consumption = consumption;
        this.ledger = ledger;
        this.push = push;
    }

    @Incoming("partner-earnings")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumption.consume(record, this::apply);
    }

    private void apply(TypedEvent event) {
        if (event.payload() instanceof EarningsCredited earnings) {
            ledger.credit(event.envelope().id(), earnings)
                    .ifPresent(credit -> push.earnings(credit, event.envelope().time()));
        }
    }
}
