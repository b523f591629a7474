package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * {@code order.status_changed} on {@code laundry.orders.v1}, keyed by {@code order_id}.
 * {@code status_display} and {@code note} are optional (null when absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderStatusChanged(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_number") String orderNumber,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("status") OrderStatus status,
        @JsonProperty("previous_status") OrderStatus previousStatus,
        @JsonProperty("status_display") String statusDisplay,
        @JsonProperty("note") String note) implements EventPayload {

    public OrderStatusChanged {
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(orderNumber, "order_number");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(partnerId, "partner_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(previousStatus, "previous_status");
    }

    /** The event's own display text if it carries one, else the contract's text for the status. */
    public String statusDisplayOrDefault() {
        return statusDisplay != null ? statusDisplay : status.displayText();
    }
}
