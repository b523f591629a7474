package com.laundryconnect.realtime.loadtest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/** CloudEvents 1.0 structured-mode JSON envelopes of contract section 8. */
public final class CloudEvents {

    private static final String SOURCE = "laundryconnect-load-test";

    static final String ORDERS = "laundry.orders.v1";
    static final String LOCATIONS = "laundry.locations.v1";
    static final String NOTIFICATIONS = "laundry.notifications.v1";
    static final String PARTNER_EARNINGS = "laundry.partner-earnings.v1";

    /** The contract's timestamp form, ISO-8601 UTC with milliseconds. */
    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private CloudEvents() {
    }

    static String envelope(String type, String subject, Instant time, JsonObject data) {
        return envelope(UUID.randomUUID().toString(), SOURCE, type, subject, time, data).encode();
    }

    /** An envelope with the caller's own {@code id}, for callers that match what they sent with what arrives. */
    public static JsonObject envelope(String id, String source, String type, String subject, Instant time,
                                      JsonObject data) {
        return new JsonObject()
                .put("specversion", "1.0")
                .put("id", id)
                .put("type", type)
                .put("source", source)
                .put("time", ISO_MILLIS.format(time))
                .put("subject", subject)
                .put("datacontenttype", "application/json")
                .put("data", data);
    }

    public static String timestamp(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
