package com.laundryconnect.realtime.notification.store;

import java.util.Map;

/** A notification to store, with the CloudEvent id that makes storing it idempotent. */
public record NewNotification(String sourceEventId, String userId, String title, String message,
                              String notificationType, Map<String, Object> data) {
}
