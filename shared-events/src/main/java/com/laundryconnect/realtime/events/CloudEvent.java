package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.payload.EventPayload;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, the value of every record on the event topics.
 *
 * <p>The record holds whatever was parsed; {@link EventValidator} decides whether it is acceptable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        @JsonProperty("specversion") String specVersion,
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("source") String source,
        @JsonProperty("time") OffsetDateTime time,
        @JsonProperty("subject") String subject,
        @JsonProperty("datacontenttype") String dataContentType,
        @JsonProperty("data") JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON_CONTENT_TYPE = "application/json";

    /**
     * A new event carrying {@code payload}: random UUID id, the current time, and the payload's key
     * field value as {@code subject}.
     *
     * @param source the producer, e.g. {@code partner-service}
     */
    public static CloudEvent create(String source, EventPayload payload) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        EventType type = EventType.ofPayload(payload);
        JsonNode data = EventCodec.toData(payload);
        return new CloudEvent(
                SPEC_VERSION,
                UUID.randomUUID().toString(),
                type.type(),
                source,
                // Millisecond precision, like the timestamps of the contract and the browser clients.
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                type.keyOf(data),
                JSON_CONTENT_TYPE,
                data);
    }
}
