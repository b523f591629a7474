package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DataValidationTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String STATUS_VALUES =
            "must be one of: pending, confirmed, picked_up, in_process, ready, out_for_delivery, delivered, cancelled";

    private static ObjectNode envelopeWith(EventType type, String field, Object value) {
        ObjectNode envelope = SampleEvents.envelope(type);
        SampleEvents.data(envelope).putPOJO(field, value);
        return (ObjectNode) EventCodec.readTree(envelope.toString());
    }

    private static void assertDataError(EventType type, String field, Object value, String message) {
        assertEquals(List.of(new FieldError("data." + field, message)),
                EventValidator.validate(envelopeWith(type, field, value)),
                () -> field + " = " + value);
    }

    private static void assertValidAndReadable(EventType type, String field, Object value) {
        ObjectNode envelope = envelopeWith(type, field, value);
        assertEquals(List.of(), EventValidator.validate(envelope), () -> field + " = " + value);
        EventValidator.validateAndRead(envelope);
    }

    static Stream<Arguments> requiredFields() {
        return Arrays.stream(EventType.values()).flatMap(type -> DataSchema.fieldsOf(type).stream()
                .filter(DataField::required).map(field -> Arguments.of(type, field.name())));
    }

    static Stream<Arguments> optionalFields() {
        return Arrays.stream(EventType.values()).flatMap(type -> DataSchema.fieldsOf(type).stream()
                .filter(field -> !field.required()).map(field -> Arguments.of(type, field.name())));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("requiredFields")
    void missingRequiredFieldIsReported(EventType type, String field) {
        ObjectNode envelope = SampleEvents.envelope(type);
        SampleEvents.data(envelope).remove(field);
        assertEquals(List.of(new FieldError("data." + field, "is required")), EventValidator.validate(envelope));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("requiredFields")
    void nullRequiredFieldIsReported(EventType type, String field) {
        ObjectNode envelope = SampleEvents.envelope(type);
        SampleEvents.data(envelope).putNull(field);
        assertEquals(List.of(new FieldError("data." + field, "must not be null")), EventValidator.validate(envelope));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("optionalFields")
    void optionalFieldMayBeAbsentOrNull(EventType type, String field) {
        ObjectNode absent = SampleEvents.envelope(type);
        SampleEvents.data(absent).remove(field);
        ObjectNode explicitNull = SampleEvents.envelope(type);
        SampleEvents.data(explicitNull).putNull(field);

        assertEquals(List.of(), EventValidator.validate(absent));
        assertEquals(List.of(), EventValidator.validate(explicitNull));
        EventValidator.validateAndRead(absent);
        EventValidator.validateAndRead(explicitNull);
    }

    @Test
    void idsAreNonBlankStringsOrIntegers() {
        assertValidAndReadable(EventType.ORDER_ETA_UPDATED, "order_id", 1042);
        assertValidAndReadable(EventType.ORDER_ETA_UPDATED, "order_id", -7L);
        String message = "must be a non-blank string or an integer";
        assertAll(
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "order_id", "", message),
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "order_id", "  ", message),
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "order_id", 10.5, message),
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "order_id", true, message),
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "order_id", List.of("o-1"), message),
                () -> assertDataError(EventType.MESSAGE_SENT, "recipient_id", JSON.objectNode(), message));
    }

    @Test
    void textFieldsMustBeStrings() {
        assertAll(
                () -> assertDataError(EventType.NOTIFICATION_REQUESTED, "title", 42, "must be a string"),
                () -> assertDataError(EventType.ORDER_CREATED, "order_number", 1042, "must be a string"),
                () -> assertDataError(EventType.ORDER_STATUS_CHANGED, "note", false, "must be a string"));
        assertValidAndReadable(EventType.ORDER_STATUS_CHANGED, "note", "");
    }

    @Test
    void coordinatesMustBeInRange() {
        for (double latitude : new double[] {-90, 0, 90, 45.5}) {
            assertValidAndReadable(EventType.LOCATION_REPORTED, "latitude", latitude);
        }
        for (double longitude : new double[] {-180, 180, -0.0001}) {
            assertValidAndReadable(EventType.LOCATION_REPORTED, "longitude", longitude);
        }
        assertAll(
                () -> assertDataError(EventType.LOCATION_REPORTED, "latitude", 90.0001, "must be between -90 and 90"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "latitude", -91, "must be between -90 and 90"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "latitude", new BigDecimal("1e400"),
                        "must be between -90 and 90"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "longitude", 180.5, "must be between -180 and 180"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "longitude", -200, "must be between -180 and 180"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "latitude", "12.97", "must be a number"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "longitude", true, "must be a number"));
    }

    @Test
    void headingAndSpeedMustBeFiniteNumbers() {
        assertValidAndReadable(EventType.LOCATION_REPORTED, "heading", 359.9);
        assertValidAndReadable(EventType.LOCATION_REPORTED, "speed", 0);
        assertAll(
                () -> assertDataError(EventType.LOCATION_REPORTED, "heading", "east", "must be a finite number"),
                () -> assertDataError(EventType.LOCATION_REPORTED, "speed", new BigDecimal("1e400"),
                        "must be a finite number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "12,50", "1e3", " 12.50", "12.", ".5", "+5", "NaN"})
    void amountTextMustBeAPlainDecimal(String amount) {
        assertDataError(EventType.EARNINGS_CREDITED, "amount", amount, "must be a decimal number");
    }

    @Test
    void amountOfTheWrongJsonTypeIsRejected() {
        assertAll(
                () -> assertDataError(EventType.EARNINGS_CREDITED, "amount", true, "must be a decimal number"),
                () -> assertDataError(EventType.ORDER_CREATED, "total_amount", JSON.objectNode(),
                        "must be a decimal number"),
                () -> assertDataError(EventType.ORDER_ASSIGNED, "total_amount", List.of(1), "must be a decimal number"));
    }

    @Test
    void amountDigitsAreBounded() {
        String message = "must have at most 18 digits before and 18 digits after the decimal point";
        assertValidAndReadable(EventType.EARNINGS_CREDITED, "amount", "9".repeat(18) + "." + "9".repeat(18));
        assertAll(
                () -> assertDataError(EventType.EARNINGS_CREDITED, "amount", "1" + "0".repeat(18), message),
                () -> assertDataError(EventType.EARNINGS_CREDITED, "amount", "0." + "0".repeat(18) + "1", message),
                () -> assertDataError(EventType.EARNINGS_CREDITED, "amount", new BigDecimal("1E+999999999"), message),
                () -> assertDataError(EventType.EARNINGS_CREDITED, "amount", new BigDecimal("0E-999999999"), message));
    }

    @Test
    void currencyMustBeAnIsoCode() {
        assertValidAndReadable(EventType.EARNINGS_CREDITED, "currency", "USD");
        String message = "must be a 3-letter ISO 4217 code";
        assertAll(
                () -> assertDataError(EventType.EARNINGS_CREDITED, "currency", "inr", message),
                () -> assertDataError(EventType.EARNINGS_CREDITED, "currency", "IN", message),
                () -> assertDataError(EventType.EARNINGS_CREDITED, "currency", "ABC", message),
                () -> assertDataError(EventType.EARNINGS_CREDITED, "currency", "RUPEE", message),
                () -> assertDataError(EventType.ORDER_CREATED, "currency", 356, message));
    }

    @Test
    void statusMustBeAContractStatus() {
        assertValidAndReadable(EventType.ORDER_CREATED, "status", "in_process");
        assertAll(
                () -> assertDataError(EventType.ORDER_CREATED, "status", "shipped", STATUS_VALUES),
                () -> assertDataError(EventType.ORDER_STATUS_CHANGED, "status", "Delivered", STATUS_VALUES),
                () -> assertDataError(EventType.ORDER_STATUS_CHANGED, "previous_status", 3, STATUS_VALUES));
    }

    @Test
    void senderRoleMustBeCustomerOrPartner() {
        assertValidAndReadable(EventType.MESSAGE_SENT, "sender_role", "partner");
        assertDataError(EventType.MESSAGE_SENT, "sender_role", "staff", "must be one of: customer, partner");
    }

    @Test
    void itemsCountMustBeANonNegativeInteger() {
        assertValidAndReadable(EventType.ORDER_CREATED, "items_count", 0);
        String message = "must be a non-negative integer";
        assertAll(
                () -> assertDataError(EventType.ORDER_CREATED, "items_count", -1, message),
                () -> assertDataError(EventType.ORDER_CREATED, "items_count", 2.5, message),
                () -> assertDataError(EventType.ORDER_CREATED, "items_count", "3", message),
                () -> assertDataError(EventType.ORDER_ASSIGNED, "items_count", 3_000_000_000L, message));
    }

    @Test
    void timestampsMustHaveAnOffset() {
        String message = "must be an ISO-8601 timestamp with offset";
        assertAll(
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "eta", "2026-11-26", message),
                () -> assertDataError(EventType.ORDER_ETA_UPDATED, "eta", 1764152130000L, message),
                () -> assertDataError(EventType.LOCATION_REPORTED, "recorded_at", "2026-11-26T10:15:30", message),
                () -> assertDataError(EventType.ORDER_ASSIGNED, "scheduled_pickup", "tomorrow", message),
                () -> assertDataError(EventType.ORDER_CREATED, "scheduled_pickup", "2026-13-01T10:00:00Z", message));
    }

    @Test
    void notificationDataMustBeAnObject() {
        assertAll(
                () -> assertDataError(EventType.NOTIFICATION_REQUESTED, "data", "x", "must be a JSON object"),
                () -> assertDataError(EventType.NOTIFICATION_REQUESTED, "data", List.of(), "must be a JSON object"));
    }

    @Test
    void everyBadFieldOfOneEventIsReported() {
        ObjectNode envelope = SampleEvents.envelope(EventType.ORDER_CREATED);
        SampleEvents.data(envelope).put("status", "lost").put("total_amount", "lots").put("items_count", -2)
                .remove("customer_id");

        assertEquals(List.of(
                new FieldError("data.customer_id", "is required"),
                new FieldError("data.status", STATUS_VALUES),
                new FieldError("data.total_amount", "must be a decimal number"),
                new FieldError("data.items_count", "must be a non-negative integer")),
                EventValidator.validate(envelope));
    }
}
