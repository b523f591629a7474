package com.laundryconnect.realtime.notification.ws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.laundryconnect.realtime.notification.store.Notification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.store.StoredNotification;
import com.laundryconnect.realtime.session.ws.Sessions;

/** Pushes to every session of a user, on every replica. Blocking (database and Redis): call from a worker. */
@ApplicationScoped
public class NotificationPush {

    private final Sessions sessions;
    private final NotificationStore store;

    public NotificationPush(Sessions sessions, NotificationStore store) {
        this.sessions = sessions;
        this.store = store;
    }

    static String routingKey(String userId) {
        return "user:" + userId;
    }

    /**
     * New notifications, each followed by its user's unread count right after it (contract 5), to every session of
     * their users on every replica, in one fan-out.
     */
    public void newNotifications(List<StoredNotification> stored) {
        Map<String, List<Object>> messagesByUser = new LinkedHashMap<>();
        for (StoredNotification each : stored) {
            Notification notification = each.notification();
            List<Object> messages = messagesByUser.computeIfAbsent(routingKey(notification.userId), key -> new ArrayList<>());
            messages.add(new NotificationMessages.NotificationPushed(NotificationMessages.NotificationView.of(notification)));
            messages.add(new NotificationMessages.UnreadCount(each.unreadCount()));
        }
        sessions.deliver(messagesByUser);
    }

    public void unreadCount(String userId) {
        sessions.deliver(routingKey(userId), new NotificationMessages.UnreadCount(store.unreadCount(userId)));
    }
}
