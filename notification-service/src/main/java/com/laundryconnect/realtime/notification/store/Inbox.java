package com.laundryconnect.realtime.notification.store;

/**
 * What a connecting client is told about its notifications: how many are unread, and the id of the newest one
 * ({@link NotificationStore#FROM_THE_START} when there is none), from which it resumes after a close.
 */
public record Inbox(long unreadCount, long latestNotificationId) {
}
