package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** Field lookup and error paths shared by the validation rules. */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * The value of a required field, or empty after recording why it is missing. The error path is made only for an
     * error: every event is checked, and nearly all are valid.
     */
    static Optional<JsonNode> required(JsonNode parent, String name, String parentPath, List<FieldError> errors) {
        JsonNode value = parent.get(name);
        if (value == null) {
            errors.add(new FieldError(child(parentPath, name), "is required"));
            return Optional.empty();
        }
        if (value.isNull()) {
            errors.add(new FieldError(child(parentPath, name), "must not be null"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The value of an optional field; absent and null both mean "not given". */
    static Optional<JsonNode> optional(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    static String child(String parentPath, String name) {
        String printableName = printable(name);
        return parentPath.isEmpty() ? printableName : parentPath + "." + printableName;
    }

    static String element(String parentPath, int index) {
        return parentPath + "[" + index + "]";
    }

    /** Control characters in a field name are escaped so that an error path is safe to log and display. */
    private static String printable(String name) {
        if (name.chars().noneMatch(Character::isISOControl)) {
            return name;
        }
        StringBuilder escaped = new StringBuilder(name.length() + 8);
        name.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                escaped.append(String.format("\\u%04X", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }
}
