package com.laundryconnect.realtime.notification.events;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.NotificationRequested;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;
import com.laundryconnect.realtime.notification.store.NewNotification;

/** Which events become whose notification, and with what text (contract 5, "Sources of notifications"). */
final class NotificationRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationRules() {
    }

    static Optional<NewNotification> notificationFor(TypedEvent event) {
        String eventId = event.envelope().id();
        return switch (event.payload()) {
            case NotificationRequested requested -> Optional.of(new NewNotification(eventId, requested.userId(),
                    requested.title(), requested.message(), requested.notificationType(), dataOf(requested)));
            case OrderStatusChanged changed -> Optional.of(statusChanged(eventId, changed));
            case OrderAssigned assigned -> Optional.of(assigned(eventId, assigned));
            default -> Optional.empty();
        };
    }

    private static NewNotification statusChanged(String eventId, OrderStatusChanged changed) {
        String display = changed.statusDisplayOrDefault();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", changed.orderId());
        data.put("order_number", changed.orderNumber());
        data.put("status", changed.status().wireValue());
        String message = changed.note() != null && !changed.note().isBlank()
                ? changed.note()
                : "Your order " + changed.orderNumber() + " is now " + display + ".";
        return new NewNotification(eventId, changed.customerId(),
                "Order " + changed.orderNumber() + " is " + display.toLowerCase(Locale.ROOT),
                message, "order_status", data);
    }

    private static NewNotification assigned(String eventId, OrderAssigned assigned) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("order_id", assigned.orderId());
        data.put("order_number", assigned.orderNumber());
        String message = assigned.pickupAddress() != null
                ? "Pick up at " + assigned.pickupAddress() + "."
                : "Order " + assigned.orderNumber() + " has been assigned to you.";
        return new NewNotification(eventId, assigned.partnerId(), "New order " + assigned.orderNumber() + " assigned",
                message, "new_order", data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataOf(NotificationRequested requested) {
        return requested.data() == null ? Map.of() : JSON.convertValue(requested.data(), Map.class);
    }
}
