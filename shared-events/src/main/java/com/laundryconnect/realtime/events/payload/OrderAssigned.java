package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * {@code order.assigned} on {@code laundry.orders.v1}, keyed by {@code order_id}.
 * The order details after {@code partner_name} are optional (null when absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderAssigned(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("partner_name") String partnerName,
        @JsonProperty("pickup_address") String pickupAddress,
        @JsonProperty("items_count") Integer itemsCount,
        @JsonProperty("total_amount") @JsonSerialize(using = PlainDecimalStringSerializer.class) BigDecimal totalAmount,
        @JsonProperty("currency") String currency,
        @JsonProperty("scheduled_pickup") OffsetDateTime scheduledPickup) implements EventPayload {

    public OrderAssigned {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(orderNumber, "order_number");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(partnerId, "partner_id");
        Objects.requireNonNull(partnerName, "partner_name");
    }
}
