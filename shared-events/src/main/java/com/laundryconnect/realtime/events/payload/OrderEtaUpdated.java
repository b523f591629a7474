package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Objects;

/** {@code order.eta_updated} on {@code laundry.orders.v1}, keyed by {@code order_id}. */
public record OrderEtaUpdated(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("eta") OffsetDateTime eta) implements EventPayload {

    public OrderEtaUpdated {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(eta, "eta");
    }
}
