package com.laundryconnect.realtime.partner.push;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.partner.store.Credit;
import com.laundryconnect.realtime.partner.store.OrderView;

/**
 * The frames one batch of events produces for partners, in the order produced, until {@link PartnerPush#record}
 * stores them in the partners' feeds.
 */
public final class PartnerFrames {

    /** @param eventTime the time of the event the frame comes from, for the delivery latency; may be null */
    record Pending(String partnerId, PartnerMessages.FeedFrame frame, Instant eventTime) {
    }

    private final List<Pending> pending = new ArrayList<>();

    public void newOrder(String partnerId, OrderView view, OffsetDateTime eventTime) {
        var order = new PartnerMessages.Order(view.orderId, view.orderNumber, view.customerId, view.pickupAddress,
                view.itemsCount, view.totalAmount, view.currency, instantOf(view.scheduledPickup),
                instantOf(view.createdAt));
        add(partnerId, new PartnerMessages.NewOrder(order), eventTime);
    }

    public void earnings(Credit credit, OffsetDateTime eventTime) {
        add(credit.partnerId(), new PartnerMessages.EarningsUpdate(credit.amount(), credit.total(), credit.currency(),
                credit.orderId()), eventTime);
    }

    public void customerMessage(MessageSent message, OffsetDateTime eventTime) {
        Instant sentAt = eventTime == null ? Instant.now() : eventTime.toInstant();
        add(message.recipientId(), new PartnerMessages.CustomerMessage(message.orderId(), message.orderNumber(),
                message.message(), message.senderId(), sentAt, message.messageId()), eventTime);
    }

    List<Pending> pending() {
        return pending;
    }

    private void add(String partnerId, PartnerMessages.FeedFrame frame, OffsetDateTime eventTime) {
        pending.add(new Pending(partnerId, frame, instantOf(eventTime)));
    }

    private static Instant instantOf(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
