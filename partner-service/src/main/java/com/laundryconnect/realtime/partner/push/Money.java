package com.laundryconnect.realtime.partner.push;

import java.math.BigDecimal;

/** Money on the wire is a decimal string (contract 4), with at least two decimals: {@code "0.00"}, {@code "249.50"}. */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }
}
