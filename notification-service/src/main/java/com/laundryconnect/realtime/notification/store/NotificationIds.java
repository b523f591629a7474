package com.laundryconnect.realtime.notification.store;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Notification ids as clients send them: a JSON number, or its decimal text (HTML data attributes are strings). */
public final class NotificationIds {

    private NotificationIds() {
    }

    public static Optional<Long> parse(JsonNode id) {
        if (id == null || id.isNull()) {
            return Optional.empty();
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return Optional.of(id.asLong()).filter(value -> value > 0);
        }
        return id.isTextual() ? parse(id.asText()) : Optional.empty();
    }

    public static Optional<Long> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 19 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id)).filter(value -> value > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
