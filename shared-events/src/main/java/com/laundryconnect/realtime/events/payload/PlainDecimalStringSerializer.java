package com.laundryconnect.realtime.events.payload;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes money as a decimal string in plain notation ({@code "1000"}, never {@code "1E+3"}), whatever
 * mapper serialises the payload: the contract's money format is the same for every service.
 */
public final class PlainDecimalStringSerializer extends StdSerializer<BigDecimal> {

    public PlainDecimalStringSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeString(value.toPlainString());
    }
}
