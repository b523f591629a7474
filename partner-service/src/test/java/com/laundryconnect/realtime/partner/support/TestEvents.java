package com.laundryconnect.realtime.partner.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;
import com.laundryconnect.realtime.events.payload.SenderRole;

/** Events as the main backend publishes them (contract 8), each with a new CloudEvent id. */
public final class TestEvents {

    private static final String SOURCE = "main-backend";

    private TestEvents() {
    }

    public static CloudEvent credit(String partnerId, String orderId, String amount, String currency) {
        return CloudEvent.create(SOURCE, new EarningsCredited(partnerId, orderId, new BigDecimal(amount), currency));
    }

    public static CloudEvent created(String orderId, String orderNumber, String customerId, String pickupAddress,
                                     int itemsCount, String totalAmount, String currency, OffsetDateTime pickup) {
        return CloudEvent.create(SOURCE, new OrderCreated(orderId, orderNumber, customerId, OrderStatus.PENDING,
                new BigDecimal(totalAmount), currency, pickupAddress, itemsCount, pickup));
    }

    /** An assignment that carries only the required fields. */
    public static CloudEvent assigned(String orderId, String partnerId) {
        return CloudEvent.create(SOURCE, new OrderAssigned(orderId, "LC-" + orderId.substring(0, 6), "customer-1",
                partnerId, "Ravi", null, null, null, null, null));
    }

    public static CloudEvent assigned(OrderAssigned assigned) {
        return CloudEvent.create(SOURCE, assigned);
    }

    public static CloudEvent statusChanged(String orderId, String partnerId, OrderStatus status, OrderStatus previous) {
        return CloudEvent.create(SOURCE, new OrderStatusChanged(orderId, "LC-" + orderId.substring(0, 6), "customer-1",
                partnerId, status, previous, null, null));
    }

    public static CloudEvent message(String orderId, String senderId, SenderRole role, String recipientId, String text) {
        return CloudEvent.create(SOURCE, new MessageSent(java.util.UUID.randomUUID().toString(), orderId,
                "LC-" + orderId.substring(0, 6), senderId, role, recipientId, text));
    }

    /** The event with another {@code time}, for the tests of how a frame writes the time it takes from its event. */
    public static CloudEvent at(CloudEvent event, String time) {
        return new CloudEvent(event.specVersion(), event.id(), event.type(), event.source(), OffsetDateTime.parse(time),
                event.subject(), event.dataContentType(), event.data());
    }
}
