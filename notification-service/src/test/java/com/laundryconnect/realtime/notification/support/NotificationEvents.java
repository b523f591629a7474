package com.laundryconnect.realtime.notification.support;

import com.laundryconnect.realtime.session.testing.TestEnvelopes;

import io.vertx.core.json.JsonObject;

/** notification.requested events as the main backend writes them (contract 8), each with a new CloudEvent id. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    public static JsonObject requested(String userId, String title) {
        return TestEnvelopes.envelope("notification.requested", userId, new JsonObject()
                .put("user_id", userId).put("title", title).put("message", "Message of " + title)
                .put("notification_type", "promotion").put("data", new JsonObject().put("coupon", "LC50")));
    }
}
