package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/** {@code order.created} on {@code laundry.orders.v1}, keyed by {@code order_id}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderCreated(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("status") OrderStatus status,
        @JsonProperty("total_amount") @JsonSerialize(using = PlainDecimalStringSerializer.class) BigDecimal totalAmount,
        @JsonProperty("currency") String currency,
        @JsonProperty("pickup_address") String pickupAddress,
        @JsonProperty("items_count") int itemsCount,
        @JsonProperty("scheduled_pickup") OffsetDateTime scheduledPickup) implements EventPayload {

    public OrderCreated {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(orderNumber, "order_number");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(totalAmount, "total_amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(pickupAddress, "pickup_address");
        Objects.requireNonNull(scheduledPickup, "scheduled_pickup");
    }
}
