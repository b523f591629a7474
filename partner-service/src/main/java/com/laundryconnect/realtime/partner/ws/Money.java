package com.laundryconnect.realtime.partner.ws;

import java.math.BigDecimal;

/** Money on the wire is a decimal string (contract 4), with at least two decimals: {@code "0.00"}, {@code "249.50"}. */
final class Money {

    private Money() {
    }

    static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }
}
