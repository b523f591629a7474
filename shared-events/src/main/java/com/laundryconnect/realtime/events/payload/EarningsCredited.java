package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code earnings.credited} on {@code laundry.partner-earnings.v1}, keyed by {@code partner_id}. */
public record EarningsCredited(
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("order_id") String orderId,
        @JsonProperty("amount") @JsonSerialize(using = PlainDecimalStringSerializer.class) BigDecimal amount,
        @JsonProperty("currency") String currency) implements EventPayload {

    public EarningsCredited {
        Objects.requireNonNull(partnerId, "partner_id");
        Objects.requireNonNull(orderId, "order_id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
