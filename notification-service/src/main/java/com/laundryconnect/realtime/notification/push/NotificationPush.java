package com.laundryconnect.realtime.notification.push;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.notification.store.Notification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.store.StoredNotification;
import com.laundryconnect.realtime.session.ws.BestEffortPush;
import com.laundryconnect.realtime.session.ws.Deliveries;
import com.laundryconnect.realtime.session.ws.Sessions;

/** Pushes to every session of a user, on every replica. Blocking (database and Redis): call from a worker. */
@ApplicationScoped
public class NotificationPush {

    /** The endpoint id of /ws/notifications/, as its sessions and their metrics name it. */
    public static final String ENDPOINT = "notifications";

    private final Sessions sessions;
    private final BestEffortPush batchPush;
    private final NotificationStore store;

    public NotificationPush(Sessions sessions, BestEffortPush batchPush, NotificationStore store) {
        this.sessions = sessions;
        this.batchPush = batchPush;
        this.store = store;
    }

    public static String routingKey(String userId) {
        return "user:" + userId;
    }

    /**
     * New notifications, each followed by its user's unread count right after it (contract 5), to every session of
     * their users on every replica, in one fan-out. They are stored already: a push that fails is logged, and the
     * client finds them on resume.
     */
    public void newNotifications(List<StoredNotification> stored, Function<String, Instant> timeOfSourceEvent) {
        Deliveries deliveries = new Deliveries();
        for (StoredNotification each : stored) {
            Notification notification = each.notification();
            deliveries.add(routingKey(notification.userId), timeOfSourceEvent.apply(notification.sourceEventId), List.of(
                    new NotificationMessages.NotificationPushed(NotificationMessages.NotificationView.of(notification)),
                    new NotificationMessages.UnreadCount(each.unreadCount())));
        }
        batchPush.send(ENDPOINT, deliveries);
    }

    public void unreadCount(String userId) {
        sessions.deliver(routingKey(userId), new NotificationMessages.UnreadCount(store.unreadCount(userId)));
    }
}
