package com.laundryconnect.realtime.notification.events;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.notification.store.NewNotification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.store.StoredNotification;
import com.laundryconnect.realtime.notification.ws.NotificationPush;
import com.laundryconnect.realtime.session.ws.SessionMetrics;

/**
 * Turns a batch of events into stored, then pushed, notifications: one transaction and one statement store them
 * all, and one fan-out pushes those that were new. Events stored before (a redelivery) are not pushed again.
 */
@ApplicationScoped
public class NotificationIntake {

    private final NotificationStore store;
    private final NotificationPush push;
    private final SessionMetrics metrics;

    public NotificationIntake(NotificationStore store, NotificationPush push, SessionMetrics metrics) {
        this.store = store;
        this.push = push;
        this.metrics = metrics;
    }

    public void apply(List<TypedEvent> events) {
        List<NewNotification> notifications = new ArrayList<>();
        Map<String, OffsetDateTime> eventTimes = new HashMap<>();
        for (TypedEvent event : events) {
            NotificationRules.notificationFor(event).ifPresent(notification -> {
                notifications.add(notification);
                eventTimes.put(notification.sourceEventId(), event.envelope().time());
            });
        }
        if (notifications.isEmpty()) {
            return;
        }
        List<StoredNotification> stored = store.storeOnce(notifications);
        if (stored.isEmpty()) {
            return;
        }
        push.newNotifications(stored);
        for (StoredNotification notification : stored) {
            OffsetDateTime time = eventTimes.get(notification.notification().sourceEventId);
            if (time != null) {
                metrics.deliveryLatency("notifications", time.toInstant());
            }
        }
    }
}
