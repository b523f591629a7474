package com.laundryconnect.realtime.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an event's {@code time}: an ISO-8601 timestamp with offset, exactly as
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} reads it. Every event carries one, and the JDK's formatter took about
 * 5 µs per timestamp (4.5 % of notification-service's samples at 5,000 notifications/s, BENCHMARKS.md section 16), so
 * the form producers write ({@code 2026-12-05T12:50:40.123456Z}, {@code ...+05:30}) is read field by field here; any
 * other text, and any field out of range, is left to the formatter, whose verdict is the one that counts.
 */
final class OffsetTimestamps {

    private static final int MAX_FRACTION_DIGITS = 9;

    private OffsetTimestamps() {
    }

    static Optional<OffsetDateTime> parse(String text) {
        OffsetDateTime common = commonForm(text);
        if (common != null) {
            return Optional.of(common);
        }
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with every field in range, else null. */
    private static OffsetDateTime commonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int fractionStart = ++position;
            while (position < length && position - fractionStart < MAX_FRACTION_DIGITS
                    && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                nanos = nanos * 10 + (text.charAt(position) - '0');
                position++;
            }
            int fractionDigits = position - fractionStart;
            if (fractionDigits == 0) {
                return null;
            }
            for (int scale = fractionDigits; scale < MAX_FRACTION_DIGITS; scale++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code position}, else null. */
    private static ZoneOffset offset(String text, int position) {
        int rest = text.length() - position;
        if (rest == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest == 6 ? text.charAt(position) : 0;
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, 2);
        int minutes = digits(text, position + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The value of {@code count} ASCII digits from {@code start}, or -1 if any of them is not one. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
