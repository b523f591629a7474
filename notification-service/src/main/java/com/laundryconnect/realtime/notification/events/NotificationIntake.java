package com.laundryconnect.realtime.notification.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.notification.push.NotificationPush;
import com.laundryconnect.realtime.notification.store.NewNotification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.store.StoredNotification;
import com.laundryconnect.realtime.session.intake.EventBatchHandler;

/**
 * Turns a batch of events into stored, then pushed, notifications: one statement, committed on its own, stores them
 * all, and one fan-out pushes those that were new. Events stored before (a redelivery) are not pushed again.
 */
@ApplicationScoped
public class NotificationIntake {

    private final NotificationStore store;
    private final NotificationPush push;

    public NotificationIntake(NotificationStore store, NotificationPush push) {
        this.store = store;
        this.push = push;
    }

    /** Returns the routing keys of the users whose notifications were stored before (see {@link EventBatchHandler}). */
    public Set<String> apply(List<TypedEvent> events) {
        List<NewNotification> notifications = new ArrayList<>();
        Map<String, Instant> eventTimes = new HashMap<>();
        for (TypedEvent event : events) {
            NotificationRules.notificationFor(event).ifPresent(notification -> {
                notifications.add(notification);
                if (event.envelope().time() != null) {
                    eventTimes.put(notification.sourceEventId(), event.envelope().time().toInstant());
                }
            });
        }
        if (notifications.isEmpty()) {
            return Set.of();
        }
        List<StoredNotification> stored = store.storeOnce(notifications);
        push.newNotifications(stored, eventTimes::get);
        Set<String> storedNow = stored.stream().map(each -> each.notification().sourceEventId)
                .collect(Collectors.toSet());
        return notifications.stream()
                .filter(notification -> !storedNow.contains(notification.sourceEventId()))
                .map(notification -> NotificationPush.routingKey(notification.userId()))
                .collect(Collectors.toSet());
    }
}
