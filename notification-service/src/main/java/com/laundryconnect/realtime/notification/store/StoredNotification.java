package com.laundryconnect.realtime.notification.store;

/** A notification as stored, and its user's unread count right after it was stored. */
public record StoredNotification(Notification notification, long unreadCount) {
}
