package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * {@code location.reported} on {@code laundry.locations.v1}, keyed by {@code order_id}.
 * {@code heading} and {@code speed} are optional (null when absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationReported(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("latitude") double latitude,
        @JsonProperty("longitude") double longitude,
        @JsonProperty("heading") Double heading,
        @JsonProperty("speed") Double speed,
        @JsonProperty("recorded_at") OffsetDateTime recordedAt) implements EventPayload {

    public LocationReported {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(partnerId, "partner_id");
        Objects.requireNonNull(recordedAt, "recorded_at");
    }
}
