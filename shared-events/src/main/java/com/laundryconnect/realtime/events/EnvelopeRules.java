package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Validation of the CloudEvents attributes of an envelope (everything but the contents of {@code data}). */
final class EnvelopeRules {

    static final int MAX_ID_LENGTH = 200;
    private static final int MAX_QUOTED_TYPE_LENGTH = 100;

    private EnvelopeRules() {
    }

    /** What checking found: the event type when it is a known one, and the time when one is given and valid. */
    record Attributes(Optional<EventType> type, OffsetDateTime time) {
    }

    /**
     * Records every problem with the envelope attributes. The time is parsed here once, as reading the envelope
     * needs it too and parsing a timestamp is among the costliest steps of reading an event.
     */
    static Attributes check(JsonNode envelope, List<FieldError> errors) {
        checkSpecVersion(envelope, errors);
        checkId(envelope, errors);
        Optional<EventType> type = checkType(envelope, errors);
        JsonFields.required(envelope, "source", FieldError.WHOLE_DOCUMENT, errors)
                .filter(source -> !source.isTextual() || source.textValue().isBlank())
                .ifPresent(source -> errors.add(new FieldError("source", "must be a non-blank string")));
        OffsetDateTime time = JsonFields.optional(envelope, "time").map(given -> {
            Optional<OffsetDateTime> parsed = given.isTextual()
                    ? OffsetTimestamps.parse(given.textValue()) : Optional.empty();
            if (parsed.isEmpty()) {
                errors.add(new FieldError("time", "must be an ISO-8601 timestamp with offset"));
            }
            return parsed.orElse(null);
        }).orElse(null);
        JsonFields.optional(envelope, "subject")
                .filter(subject -> !subject.isTextual())
                .ifPresent(subject -> errors.add(new FieldError("subject", "must be a string")));
        JsonFields.optional(envelope, "datacontenttype")
                .filter(contentType -> !isJsonMediaType(contentType))
                .ifPresent(contentType -> errors.add(new FieldError("datacontenttype",
                        "must be \"" + CloudEvent.JSON_CONTENT_TYPE + "\"")));
        JsonFields.required(envelope, "data", FieldError.WHOLE_DOCUMENT, errors)
                .filter(data -> !data.isObject())
                .ifPresent(data -> errors.add(new FieldError("data", "must be a JSON object")));
        return new Attributes(type, time);
    }

    private static void checkSpecVersion(JsonNode envelope, List<FieldError> errors) {
        JsonFields.required(envelope, "specversion", FieldError.WHOLE_DOCUMENT, errors)
                .filter(version -> !CloudEvent.SPEC_VERSION.equals(version.textValue()))
                .ifPresent(version -> errors.add(new FieldError("specversion",
                        "must be \"" + CloudEvent.SPEC_VERSION + "\"")));
    }

    private static void checkId(JsonNode envelope, List<FieldError> errors) {
        JsonFields.required(envelope, "id", FieldError.WHOLE_DOCUMENT, errors).ifPresent(id -> {
            if (!id.isTextual() || id.textValue().isBlank()) {
                errors.add(new FieldError("id", "must be a non-blank string"));
            } else if (id.textValue().codePointCount(0, id.textValue().length()) > MAX_ID_LENGTH) {
                errors.add(new FieldError("id", "must be at most " + MAX_ID_LENGTH + " characters"));
            }
        });
    }

    private static Optional<EventType> checkType(JsonNode envelope, List<FieldError> errors) {
        Optional<JsonNode> type = JsonFields.required(envelope, "type", FieldError.WHOLE_DOCUMENT, errors);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (!type.get().isTextual()) {
            errors.add(new FieldError("type", "must be a string"));
            return Optional.empty();
        }
        String typeName = type.get().textValue();
        Optional<EventType> eventType = EventType.fromType(typeName);
        if (eventType.isEmpty()) {
            errors.add(unknownType(typeName));
        }
        return eventType;
    }

    /** Media type parameters such as {@code charset=utf-8} are allowed. */
    private static boolean isJsonMediaType(JsonNode contentType) {
        if (!contentType.isTextual()) {
            return false;
        }
        String mediaType = contentType.textValue().split(";", 2)[0].strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(CloudEvent.JSON_CONTENT_TYPE);
    }

    static FieldError unknownType(String typeName) {
        return new FieldError("type", "unknown event type " + quoted(typeName));
    }

    /** The caller's text quoted and escaped as a JSON string, shortened so that an error stays readable. */
    private static String quoted(String text) {
        String shortened = text.length() > MAX_QUOTED_TYPE_LENGTH
                ? text.substring(0, MAX_QUOTED_TYPE_LENGTH) + "..."
                : text;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shortened)) + "\"";
    }
}
