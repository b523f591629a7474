package com.laundryconnect.realtime.notification.ws;

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

    /** A new notification, followed by the user's new unread count (contract 5). */
    public void newNotification(StoredNotification stored) {
        Notification notification = stored.notification();
        sessions.deliver(routingKey(notification.userId),
                new NotificationMessages.NotificationPushed(NotificationMessages.NotificationView.of(notification)),
                new NotificationMessages.UnreadCount(stored.unreadCount()));
    }

    public void unreadCount(String userId) {
        sessions.deliver(routingKey(userId), new NotificationMessages.UnreadCount(store.unreadCount(userId)));
    }
}
