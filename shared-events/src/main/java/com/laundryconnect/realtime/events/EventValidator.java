package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a raw event envelope against contract section 8 and reports every problem, field by field.
 *
 * <p>It works on the JSON tree rather than on a Jackson binding so that one pass reports all
 * problems, not just the first one the binding trips over.
 */
public final class EventValidator {

    /** The deepest nesting of objects and arrays an event document may have (contract section 11). */
    public static final int MAX_NESTING_DEPTH = DocumentLimits.MAX_NESTING_DEPTH;

    private EventValidator() {
    }

    /** Every problem with {@code rawEnvelope}; empty when it is a valid event of a known type. */
    public static List<FieldError> validate(JsonNode rawEnvelope) {
        return check(rawEnvelope).errors();
    }

    private record Checked(List<FieldError> errors, EnvelopeRules.Attributes attributes) {
    }

    private static Checked check(JsonNode rawEnvelope) {
        if (rawEnvelope == null || !rawEnvelope.isObject()) {
            return new Checked(List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "must be a JSON object")), null);
        }
        List<FieldError> errors = new ArrayList<>();
        EnvelopeRules.Attributes attributes = EnvelopeRules.check(rawEnvelope, errors);
        JsonNode data = rawEnvelope.get("data");
        if (attributes.type().isPresent() && data != null && data.isObject()) {
            DataSchema.check(attributes.type().get(), data, "data", errors);
        }
        DocumentLimits.check(rawEnvelope, errors);
        return new Checked(List.copyOf(errors), attributes);
    }

    /**
     * Whether the envelope names a type that this version of the contract does not know. Consumers
     * skip such events (contract section 8) rather than dead-lettering them as malformed.
     */
    public static boolean hasUnknownType(JsonNode rawEnvelope) {
        JsonNode type = rawEnvelope.path("type");
        return type.isTextual() && EventType.fromType(type.textValue()).isEmpty();
    }

    /**
     * Validates {@code rawEnvelope} and reads it into its typed form.
     *
     * @throws InvalidEventException with every problem found, if it is not valid
     */
    public static TypedEvent validateAndRead(JsonNode rawEnvelope) {
        Checked checked = check(rawEnvelope);
        if (!checked.errors().isEmpty()) {
            throw new InvalidEventException(checked.errors());
        }
        EventType type = checked.attributes().type().orElseThrow();
        CloudEvent envelope = EventCodec.readValidatedEnvelope(rawEnvelope, checked.attributes().time());
        return new TypedEvent(envelope, type, EventCodec.readPayload(envelope, type));
    }

    /**
     * Parses, validates and reads one event, e.g. a Kafka record value.
     *
     * @throws InvalidEventException if it is not JSON or not a valid event
     */
    public static TypedEvent validateAndRead(byte[] json) {
        return validateAndRead(EventCodec.readTree(json));
    }

    /** @see #validateAndRead(byte[]) */
    public static TypedEvent validateAndRead(String json) {
        return validateAndRead(EventCodec.readTree(json));
    }
}
