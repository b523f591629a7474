package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.laundryconnect.realtime.events.payload.EventPayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;

/**
 * JSON reading and writing of events with the one mapper configuration the contract needs: ISO-8601
 * timestamps that keep their offset, exact decimals, money written as plain decimal strings.
 *
 * <p>Reading here does not validate; use {@link EventValidator} for input from outside.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Keeps "249.50" from becoming 249.5 when a JSON number passes through a tree.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // A repeated key could make the validator and a consumer see different values.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private EventCodec() {
    }

    /**
     * Parses JSON text into a tree, e.g. a Kafka record value or a publish API request body.
     *
     * @throws InvalidEventException if it is not a single well-formed JSON document
     */
    public static JsonNode readTree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** @see #readTree(byte[]) */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** @throws InvalidEventException if it is not JSON or does not have the shape of an envelope */
    public static CloudEvent readEnvelope(byte[] json) {
        return readEnvelope(readTree(json));
    }

    /** @see #readEnvelope(byte[]) */
    public static CloudEvent readEnvelope(String json) {
        return readEnvelope(readTree(json));
    }

    /** @throws InvalidEventException if the tree does not have the shape of an envelope */
    public static CloudEvent readEnvelope(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(new FieldError(FieldError.WHOLE_DOCUMENT, "must be a JSON object"));
        }
        return convert(tree, CloudEvent.class, FieldError.WHOLE_DOCUMENT);
    }

    /**
     * Reads an envelope that {@link EventValidator#validate} accepted straight from its tree: every field is known to
     * have its shape, so Jackson's data binding (and its copy of {@code data}) is not needed for each event. The time is
     * the one validation parsed.
     */
    static CloudEvent readValidatedEnvelope(JsonNode tree, OffsetDateTime time) {
        return new CloudEvent(tree.get("specversion").textValue(), tree.get("id").textValue(),
                tree.get("type").textValue(), tree.get("source").textValue(), time,
                textOrNull(tree.get("subject")), textOrNull(tree.get("datacontenttype")), tree.get("data"));
    }

    private static String textOrNull(JsonNode value) {
        return value == null ? null : value.textValue();
    }

    /**
     * Reads {@code data} as the payload record of the envelope's type. A consumer can {@code switch}
     * over the result, as {@link EventPayload} is sealed.
     *
     * @throws InvalidEventException if the type is unknown or {@code data} does not fit its record
     */
    public static EventPayload readPayload(CloudEvent envelope) {
        return readPayload(envelope, EventType.fromType(envelope.type()).orElseThrow(() -> new InvalidEventException(
                EnvelopeRules.unknownType(String.valueOf(envelope.type())))));
    }

    static EventPayload readPayload(CloudEvent envelope, EventType type) {
        if (envelope.data() == null || !envelope.data().isObject()) {
            throw new InvalidEventException(new FieldError("data", "must be a JSON object"));
        }
        return convert(envelope.data(), type.payloadClass(), "data");
    }

    /** The payload as the {@code data} JSON object, with snake_case names and money as strings. */
    public static JsonNode toData(EventPayload payload) {
        return MAPPER.valueToTree(payload);
    }

    public static JsonNode toTree(CloudEvent envelope) {
        return MAPPER.valueToTree(envelope);
    }

    public static byte[] toJsonBytes(CloudEvent envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJsonString(CloudEvent envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T convert(JsonNode tree, Class<T> target, String path) {
        try {
            return MAPPER.treeToValue(tree, target);
        } catch (ValueInstantiationException e) {
            throw new InvalidEventException(missingFieldError(e, path));
        } catch (JsonMappingException e) {
            throw new InvalidEventException(new FieldError(pathOf(e, path), "has an invalid value"));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(new FieldError(path, "has an invalid value"));
        }
    }

    /** The payload records reject a missing required field with a NullPointerException naming it. */
    private static FieldError missingFieldError(ValueInstantiationException e, String path) {
        if (e.getCause() instanceof NullPointerException missing && missing.getMessage() != null) {
            return new FieldError(JsonFields.child(path, missing.getMessage()), "is required");
        }
        return new FieldError(path, "has an invalid value");
    }

    private static String pathOf(JsonMappingException e, String rootPath) {
        String path = rootPath;
        for (JsonMappingException.Reference reference : e.getPath()) {
            path = reference.getFieldName() != null
                    ? JsonFields.child(path, reference.getFieldName())
                    : JsonFields.element(path, reference.getIndex());
        }
        return path;
    }

    private static InvalidEventException notJson(IOException e) {
        String reason = e instanceof JsonProcessingException parseError ? parseError.getOriginalMessage() : e.getMessage();
        return new InvalidEventException(new FieldError(FieldError.WHOLE_DOCUMENT, "cannot be read as JSON: " + reason));
    }
}
