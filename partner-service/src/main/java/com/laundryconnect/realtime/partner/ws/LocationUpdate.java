package com.laundryconnect.realtime.partner.ws;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A partner's {@code location_update {order_id, latitude, longitude, heading?, speed?, recorded_at?}}, read from the
 * client's JSON with every field checked; {@link Invalid} carries the text of the {@code error} the client gets.
 */
record LocationUpdate(String orderId, double latitude, double longitude, Double heading, Double speed,
                      OffsetDateTime recordedAt) {

    private static final int MAX_ID_LENGTH = 200;

    static LocationUpdate parse(JsonNode body) {
        return new LocationUpdate(
                orderId(body.get("order_id")),
                coordinate(body.get("latitude"), "latitude", 90),
                coordinate(body.get("longitude"), "longitude", 180),
                optionalNumber(body.get("heading"), "heading"),
                optionalNumber(body.get("speed"), "speed"),
                optionalTimestamp(body.get("recorded_at")));
    }

    /** Ids are strings; an integer is read as its decimal text, as everywhere in the contract. */
    private static String orderId(JsonNode value) {
        String id = value == null ? null
                : value.isTextual() ? value.textValue()
                : value.isIntegralNumber() ? value.bigIntegerValue().toString()
                : null;
        if (id == null || id.isBlank()) {
            throw new Invalid("order_id is required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new Invalid("order_id is too long");
        }
        return id;
    }

    private static double coordinate(JsonNode value, String name, double limit) {
        if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())
                || Math.abs(value.doubleValue()) > limit) {
            throw new Invalid(name + " must be a number between -" + (int) limit + " and " + (int) limit);
        }
        return value.doubleValue();
    }

    private static Double optionalNumber(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new Invalid(name + " must be a number");
        }
        return value.doubleValue();
    }

    private static OffsetDateTime optionalTimestamp(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String problem = "recorded_at must be an ISO-8601 timestamp with offset";
        if (!value.isTextual()) {
            throw new Invalid(problem);
        }
        try {
            return OffsetDateTime.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw new Invalid(problem);
        }
    }

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
