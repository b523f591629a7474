package com.laundryconnect.realtime.session.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** The contract's timestamp and money formats (section 4, and 11 for {@code "0.00"}), as they go on the wire. */
class ContractFormatsTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new ContractFormats()).build();

    record Stamped(Instant at) {
    }

    record Priced(@Money BigDecimal amount, BigDecimal quantity) {
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-26T10:15:30Z,           2026-11-26T10:15:30.000Z",
            "2026-11-26T10:15:30.1Z,         2026-11-26T10:15:30.100Z",
            "2026-11-26T10:15:30.12Z,        2026-11-26T10:15:30.120Z",
            "2026-11-26T10:15:30.123Z,       2026-11-26T10:15:30.123Z",
            "2026-11-26T10:15:30.123456789Z, 2026-11-26T10:15:30.123Z",
    })
    void anInstantHasExactlyThreeFractionDigits(String instant, String wire) throws JsonProcessingException {
        assertEquals("{\"at\":\"" + wire + "\"}", json.writeValueAsString(new Stamped(Instant.parse(instant))));
    }

    @Test
    void extraDigitsAreCutNotRoundedSoATimestampNeverMovesIntoTheNextSecond() throws JsonProcessingException {
        assertEquals("\"2026-12-31T23:59:59.999Z\"", json.writeValueAsString(Instant.parse("2026-12-31T23:59:59.999999999Z")));
    }

    @Test
    void anInstantIsWrittenInUtc() throws JsonProcessingException {
        Instant inIndia = OffsetDateTime.parse("2026-11-26T15:45:30.123+05:30").toInstant();
        assertEquals("\"2026-11-26T10:15:30.123Z\"", json.writeValueAsString(inIndia));
    }

    @Test
    void anUnknownTimeIsNull() throws JsonProcessingException {
        assertEquals("{\"at\":null}", json.writeValueAsString(new Stamped(null)));
    }

    @ParameterizedTest
    @CsvSource({
            "249.5,                 249.50",
            "249.50,                249.50",
            "100,                   100.00",
            "1E+2,                  100.00",
            "0,                     0.00",
            "0.00,                  0.00",
            "-5,                    -5.00",
            "-0.5,                  -0.50",
            "12.345,                12.345",
            "12345678901234567.25,  12345678901234567.25",
    })
    void moneyIsADecimalStringWithAtLeastTwoDecimalsAndNeverRounded(String amount, String wire)
            throws JsonProcessingException {
        assertEquals("{\"amount\":\"" + wire + "\",\"quantity\":3}",
                json.writeValueAsString(new Priced(new BigDecimal(amount), BigDecimal.valueOf(3))));
    }

    @Test
    void unknownMoneyIsNull() throws JsonProcessingException {
        assertEquals("{\"amount\":null,\"quantity\":null}", json.writeValueAsString(new Priced(null, null)));
    }

    @Test
    void theCustomizerRunsAfterQuarkusRegistersTheJavaTimeModuleSoItsInstantFormatWins() throws JsonProcessingException {
        ObjectMapperCustomizer quarkusModules = new ObjectMapperCustomizer() {
            @Override
            public void customize(ObjectMapper mapper) {
                mapper.registerModule(new JavaTimeModule());
            }

            @Override
            public int priority() {
                return QUARKUS_CUSTOMIZER_PRIORITY;
            }
        };
        List<ObjectMapperCustomizer> customizers = new ArrayList<>(List.of(new ContractFormatsCustomizer(), quarkusModules));
        // Quarkus's ObjectMapperProducer sorts the customizers by their own order and applies them in turn.
        Collections.sort(customizers);
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        customizers.forEach(customizer -> customizer.customize(mapper));

        assertEquals("\"2026-11-26T10:15:30.000Z\"", mapper.writeValueAsString(Instant.parse("2026-11-26T10:15:30Z")));
    }
}
