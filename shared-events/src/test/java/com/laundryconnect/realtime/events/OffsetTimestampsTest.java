package com.laundryconnect.realtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** An event's {@code time} is read exactly as the JDK's ISO_OFFSET_DATE_TIME reads it, accepted or refused alike. */
class OffsetTimestampsTest {

    private static final String DIGITS_AND_SEPARATORS = "0123456789-:.TZ+tz ";

    @Test
    void readsWhatProducersWriteToTheSameInstantAndOffset() {
        for (String text : List.of("2026-12-05T12:50:40Z", "2026-12-05T12:50:40.1Z", "2026-12-05T12:50:40.123456Z",
                "2026-12-05T12:50:40.123456789Z", "2026-12-05T12:50:40+05:30", "2026-12-05T12:50:40.5-03:00",
                "2026-12-05T00:00:00-00:00", "2024-02-29T23:59:59.999+18:00", "0000-01-01T00:00:00-00:30")) {
            assertEquals(jdk(text), OffsetTimestamps.parse(text), text);
        }
    }

    @Test
    void refusesWhatTheJdkRefuses() {
        for (String text : List.of("2026-02-29T12:00:00Z", "2026-13-01T12:00:00Z", "2026-12-32T12:00:00Z",
                "2026-12-05T24:00:00Z", "2026-12-05T12:60:00Z", "2026-12-05T23:59:60Z", "2026-12-05T12:50:40",
                "2026-12-05T12:50:40.1234567891Z", "2026-12-05T12:50:40+18:01",
                "2026-12-05T12:50:40+5:30", "2026-12-05 12:50:40Z", "2026-12-05T12:50:40ZZ", "26-12-05T12:50:40Z",
                "2026-12-05T12:50:40.12a4Z", "")) {
            assertEquals(Optional.empty(), OffsetTimestamps.parse(text), text);
            assertEquals(jdk(text), OffsetTimestamps.parse(text), text);
        }
    }

    @Test
    void agreesWithTheJdkOnFormsItLeavesToIt() {
        for (String text : List.of("2026-12-05T12:50Z", "2026-12-05T12:50:40.Z", "2026-12-05t12:50:40z",
                "+12026-12-05T12:50:40Z", "2026-12-05T12:50:40+05:30:15", "2026-12-05T12:50:40+05")) {
            assertEquals(jdk(text), OffsetTimestamps.parse(text), text);
        }
    }

    /** Valid timestamps with one character replaced, dropped or doubled: the verdict and value equal the JDK's. */
    @Test
    void agreesWithTheJdkOnManyAlteredTimestamps() {
        Random random = new Random(20261205);
        for (int i = 0; i < 50_000; i++) {
            String text = alter(validTimestamp(random), random);
            assertEquals(jdk(text), OffsetTimestamps.parse(text), text);
        }
    }

    private static String validTimestamp(Random random) {
        StringBuilder text = new StringBuilder("%04d-%02d-%02dT%02d:%02d:%02d".formatted(random.nextInt(10_000),
                1 + random.nextInt(12), 1 + random.nextInt(31), random.nextInt(24), random.nextInt(60),
                random.nextInt(60)));
        int fractionDigits = random.nextInt(11);
        if (fractionDigits > 0) {
            text.append('.');
            for (int d = 0; d < fractionDigits - 1; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextBoolean()) {
            text.append('Z');
        } else {
            text.append(random.nextBoolean() ? '+' : '-').append("%02d:%02d".formatted(random.nextInt(20),
                    random.nextInt(60)));
        }
        return text.toString();
    }

    private static String alter(String text, Random random) {
        int at = random.nextInt(text.length());
        char replacement = DIGITS_AND_SEPARATORS.charAt(random.nextInt(DIGITS_AND_SEPARATORS.length()));
        return switch (random.nextInt(4)) {
            case 0 -> text;
            case 1 -> text.substring(0, at) + replacement + text.substring(at + 1);
            case 2 -> text.substring(0, at) + text.substring(at + 1);
            default -> text.substring(0, at) + text.charAt(at) + text.substring(at);
        };
    }

    private static Optional<OffsetDateTime> jdk(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
