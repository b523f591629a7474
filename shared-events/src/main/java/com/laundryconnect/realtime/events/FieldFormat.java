package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.SenderRole;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a present, non-null {@code data} field must look like. Every value accepted here can be read
 * into the payload records without error.
 */
enum FieldFormat {
    /** Ids are opaque strings; integers (from integer primary keys) are read as their decimal text. */
    ID {
        @Override
        Optional<String> problemWith(JsonNode value) {
            boolean valid = value.isIntegralNumber() || (value.isTextual() && !value.textValue().isBlank());
            return problemUnless(valid, "must be a non-blank string or an integer");
        }
    },
    TEXT {
        @Override
        Optional<String> problemWith(JsonNode value) {
            return problemUnless(value.isTextual(), "must be a string");
        }
    },
    /** A decimal string ({@code "249.50"}) or a JSON number. */
    MONEY {
        @Override
        Optional<String> problemWith(JsonNode value) {
            Optional<BigDecimal> amount = decimalOf(value);
            if (amount.isEmpty()) {
                return Optional.of("must be a decimal number");
            }
            // Bounded because amounts are written in plain notation: 1E+999999999 would expand to a billion digits.
            BigDecimal decimal = amount.get();
            boolean fits = decimal.scale() <= MAX_MONEY_DIGITS && decimal.precision() - decimal.scale() <= MAX_MONEY_DIGITS;
            return problemUnless(fits, "must have at most " + MAX_MONEY_DIGITS + " digits before and "
                    + MAX_MONEY_DIGITS + " digits after the decimal point");
        }
    },
    CURRENCY {
        @Override
        Optional<String> problemWith(JsonNode value) {
            boolean valid = value.isTextual() && ISO_CURRENCY_CODES.contains(value.textValue());
            return problemUnless(valid, "must be a 3-letter ISO 4217 code");
        }
    },
    LATITUDE {
        @Override
        Optional<String> problemWith(JsonNode value) {
            return coordinateProblem(value, 90);
        }
    },
    LONGITUDE {
        @Override
        Optional<String> problemWith(JsonNode value) {
            return coordinateProblem(value, 180);
        }
    },
    FINITE_NUMBER {
        @Override
        Optional<String> problemWith(JsonNode value) {
            return problemUnless(value.isNumber() && Double.isFinite(value.doubleValue()), "must be a finite number");
        }
    },
    COUNT {
        @Override
        Optional<String> problemWith(JsonNode value) {
            boolean valid = value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0;
            return problemUnless(valid, "must be a non-negative integer");
        }
    },
    TIMESTAMP {
        @Override
        Optional<String> problemWith(JsonNode value) {
            return problemUnless(value.isTextual() && isOffsetTimestamp(value.textValue()),
                    "must be an ISO-8601 timestamp with offset");
        }
    },
    ORDER_STATUS {
        @Override
        Optional<String> problemWith(JsonNode value) {
            boolean valid = value.isTextual() && OrderStatus.fromWireValue(value.textValue()).isPresent();
            return problemUnless(valid, ORDER_STATUS_PROBLEM);
        }
    },
    SENDER_ROLE {
        @Override
        Optional<String> problemWith(JsonNode value) {
            boolean valid = value.isTextual() && SenderRole.fromWireValue(value.textValue()).isPresent();
            return problemUnless(valid, SENDER_ROLE_PROBLEM);
        }
    },
    OBJECT {
        @Override
        Optional<String> problemWith(JsonNode value) {
            return problemUnless(value.isObject(), "must be a JSON object");
        }
    };

    static final int MAX_MONEY_DIGITS = 18;

    // Made once: every order event's statuses are checked, and nearly all are valid.
    private static final String ORDER_STATUS_PROBLEM = "must be one of: " + Arrays.stream(OrderStatus.values())
            .map(OrderStatus::wireValue).collect(Collectors.joining(", "));
    private static final String SENDER_ROLE_PROBLEM = "must be one of: " + Arrays.stream(SenderRole.values())
            .map(SenderRole::wireValue).collect(Collectors.joining(", "));
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> ISO_CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    /** The message describing what is wrong with {@code value}, or empty when it is acceptable. */
    abstract Optional<String> problemWith(JsonNode value);

    static boolean isOffsetTimestamp(String text) {
        return OffsetTimestamps.parse(text).isPresent();
    }

    private static Optional<String> problemUnless(boolean valid, String message) {
        return valid ? Optional.empty() : Optional.of(message);
    }

    private static Optional<BigDecimal> decimalOf(JsonNode value) {
        if (value.isTextual() && PLAIN_DECIMAL.matcher(value.textValue()).matches()) {
            return Optional.of(new BigDecimal(value.textValue()));
        }
        boolean finiteNumber = value.isNumber()
                && (value.isIntegralNumber() || value.isBigDecimal() || Double.isFinite(value.doubleValue()));
        return finiteNumber ? Optional.of(value.decimalValue()) : Optional.empty();
    }

    private static Optional<String> coordinateProblem(JsonNode value, int limit) {
        if (!value.isNumber()) {
            return Optional.of("must be a number");
        }
        double coordinate = value.doubleValue();
        return problemUnless(coordinate >= -limit && coordinate <= limit,
                "must be between -" + limit + " and " + limit);
    }
}
