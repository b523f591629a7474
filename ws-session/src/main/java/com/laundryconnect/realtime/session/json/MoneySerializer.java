package com.laundryconnect.realtime.session.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Money as the contract's decimal string, with at least two decimals: {@code "0.00"}, {@code "249.50"}, and
 * {@code 100} becomes {@code "100.00"}. A decimal with more places keeps them all: money is never rounded on its
 * way out, and a string, never a JSON number, so that no client reads it into a binary floating point.
 */
public final class MoneySerializer extends StdSerializer<BigDecimal> {

    public MoneySerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal amount, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(amount.setScale(Math.max(2, amount.scale())).toPlainString());
    }
}
