package com.laundryconnect.realtime.partner.ws;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.partner.store.Credit;
import com.laundryconnect.realtime.partner.store.OrderView;
import com.laundryconnect.realtime.session.ws.SessionMetrics;
import com.laundryconnect.realtime.session.ws.Sessions;
import com.laundryconnect.realtime.session.ws.Timestamps;

/** Pushes to every open {@code /ws/partner/} session of one partner, on whichever replica holds it. */
@ApplicationScoped
public class PartnerPush {

    static final String ENDPOINT = "partner";

    private static final Logger LOG = Logger.getLogger(PartnerPush.class);

    private final Sessions sessions;
    private final SessionMetrics metrics;

    public PartnerPush(Sessions sessions, SessionMetrics metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    static String routingKey(String partnerId) {
        return "partner:" + partnerId;
    }

    public void newOrder(String partnerId, OrderView view, OffsetDateTime eventTime) {
        var order = new PartnerMessages.Order(view.orderId, view.orderNumber, view.customerId, view.pickupAddress,
                view.itemsCount, Money.format(view.totalAmount), view.currency, timestamp(view.scheduledPickup),
                timestamp(view.createdAt));
        deliver(partnerId, new PartnerMessages.NewOrder(order), eventTime);
    }

    public void earnings(Credit credit, OffsetDateTime eventTime) {
        deliver(credit.partnerId(), new PartnerMessages.EarningsUpdate(Money.format(credit.amount()),
                Money.format(credit.total()), credit.currency(), credit.orderId()), eventTime);
    }

    public void customerMessage(MessageSent message, OffsetDateTime eventTime) {
        String sentAt = Timestamps.format(eventTime == null ? Instant.now() : eventTime.toInstant());
        deliver(message.recipientId(), new PartnerMessages.CustomerMessage(message.orderId(), message.orderNumber(),
                message.message(), message.senderId(), sentAt, message.messageId()), eventTime);
    }

    /**
     * The event is already applied and committed when this runs, so a failed push is logged, not retried: the
     * partner sees the state on reconnecting.
     */
    private void deliver(String partnerId, Object message, OffsetDateTime eventTime) {
        try {
            sessions.deliver(routingKey(partnerId), message);
            metrics.deliveryLatency(ENDPOINT, eventTime == null ? null : eventTime.toInstant());
        } catch (RuntimeException e) {
            LOG.warnf("Could not push %s to partner %s: %s", message.getClass().getSimpleName(), partnerId,
                    e.getMessage());
        }
    }

    private static String timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamps.format(time.toInstant());
    }
}
