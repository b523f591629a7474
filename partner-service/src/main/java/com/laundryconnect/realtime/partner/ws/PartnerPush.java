package com.laundryconnect.realtime.partner.ws;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.partner.store.Credit;
import com.laundryconnect.realtime.partner.store.OrderView;
import com.laundryconnect.realtime.session.ws.BestEffortPush;
import com.laundryconnect.realtime.session.ws.Deliveries;
import com.laundryconnect.realtime.session.ws.Timestamps;

/**
 * Pushes to every open {@code /ws/partner/} session of a partner, on whichever replica holds it: a batch's messages
 * are gathered in a {@link Deliveries}, in order per partner, and sent in one fan-out.
 */
@ApplicationScoped
public class PartnerPush {

    static final String ENDPOINT = "partner";

    private final BestEffortPush push;

    public PartnerPush(BestEffortPush push) {
        this.push = push;
    }

    static String routingKey(String partnerId) {
        return "partner:" + partnerId;
    }

    public void newOrder(Deliveries deliveries, String partnerId, OrderView view, OffsetDateTime eventTime) {
        var order = new PartnerMessages.Order(view.orderId, view.orderNumber, view.customerId, view.pickupAddress,
                view.itemsCount, Money.format(view.totalAmount), view.currency, timestamp(view.scheduledPickup),
                timestamp(view.createdAt));
        add(deliveries, partnerId, new PartnerMessages.NewOrder(order), eventTime);
    }

    public void earnings(Deliveries deliveries, Credit credit, OffsetDateTime eventTime) {
        add(deliveries, credit.partnerId(), new PartnerMessages.EarningsUpdate(Money.format(credit.amount()),
                Money.format(credit.total()), credit.currency(), credit.orderId()), eventTime);
    }

    public void customerMessage(Deliveries deliveries, MessageSent message, OffsetDateTime eventTime) {
        String sentAt = Timestamps.format(eventTime == null ? Instant.now() : eventTime.toInstant());
        add(deliveries, message.recipientId(), new PartnerMessages.CustomerMessage(message.orderId(),
                message.orderNumber(), message.message(), message.senderId(), sentAt, message.messageId()), eventTime);
    }

    /**
     * Sends a batch's messages in one fan-out. The events are already applied and committed when this runs, so a
     * failed push is logged, not retried: the partner sees the state on reconnecting. Blocking: call from a worker.
     */
    public void send(Deliveries deliveries) {
        push.send(ENDPOINT, deliveries);
    }

    private static void add(Deliveries deliveries, String partnerId, Object message, OffsetDateTime eventTime) {
        deliveries.add(routingKey(partnerId), eventTime == null ? null : eventTime.toInstant(), List.of(message));
    }

    private static String timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamps.format(time.toInstant());
    }
}
