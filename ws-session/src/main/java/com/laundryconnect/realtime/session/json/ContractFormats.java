package com.laundryconnect.realtime.session.json;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The contract's wire formats (section 4, "Timestamps are ISO-8601 with offset ... Money is a decimal string"), said
 * once for every frame and REST answer. Every {@link Instant} is written as the contract's timestamp, in UTC with
 * exactly three fraction digits ({@code 2026-11-26T10:15:30.123Z}). Money is a {@link java.math.BigDecimal} like any
 * other number, so it is not recognised by its type: a money field is marked {@link Money}.
 *
 * <p>{@link ContractFormatsCustomizer} registers this module on the application's {@code ObjectMapper}; a mapper made
 * by hand must register it itself.
 */
public final class ContractFormats extends SimpleModule {

    /**
     * Three fraction digits even when they are zeros, which Jackson's own {@code InstantSerializer}
     * ({@code ISO_INSTANT}) leaves out, and cut rather than rounded, so a timestamp never moves into the next second.
     */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    public ContractFormats() {
        super(ContractFormats.class.getSimpleName());
        addSerializer(Instant.class, new TimestampSerializer());
    }

    private static final class TimestampSerializer extends StdSerializer<Instant> {

        TimestampSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(TIMESTAMP.format(instant));
        }
    }
}
