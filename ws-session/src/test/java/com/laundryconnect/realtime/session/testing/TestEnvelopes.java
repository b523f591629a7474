package com.laundryconnect.realtime.session.testing;

import java.time.Instant;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/**
 * CloudEvents of contract 8 written as JSON by hand, each with a new {@code id}, for the tests that also send what the
 * shared-events model cannot express (a missing field, a value out of range, a type the contract does not know).
 */
public final class TestEnvelopes {

    private TestEnvelopes() {
    }

    public static JsonObject envelope(String type, String subject, JsonObject data) {
        return envelope(type, subject, Instant.now(), data);
    }

    /** {@code time} may be null: the attribute is optional, and the tests of ordering send events without it. */
    public static JsonObject envelope(String type, String subject, Instant time, JsonObject data) {
        JsonObject event = new JsonObject()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", type)
                .put("source", "laundryconnect-backend-test")
                .put("subject", subject)
                .put("datacontenttype", "application/json")
                .put("data", data);
        if (time != null) {
            event.put("time", time.toString());
        }
        return event;
    }
}
