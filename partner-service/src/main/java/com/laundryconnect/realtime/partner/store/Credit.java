package com.laundryconnect.realtime.partner.store;

import java.math.BigDecimal;

/** One applied {@code earnings.credited}: the amount and the partner's total in that currency right after it. */
public record Credit(String eventId, String partnerId, String orderId, BigDecimal amount, String currency,
                     BigDecimal total) {
}
