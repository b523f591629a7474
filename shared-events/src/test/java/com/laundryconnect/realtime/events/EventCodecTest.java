package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.NotificationRequested;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderEtaUpdated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest {

    @Test
    void integerIdsAreReadAsTheirDecimalText() {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("message.sent", """
                {"message_id":9007199254740993,"order_id":1042,"order_number":"LC-1042","sender_id":7,
                 "sender_role":"partner","recipient_id":123456789012345678901234567890,"message":"On my way"}"""));

        MessageSent message = (MessageSent) event.payload();
        assertEquals("9007199254740993", message.messageId());
        assertEquals("1042", message.orderId());
        assertEquals("7", message.senderId());
        assertEquals("123456789012345678901234567890", message.recipientId());
        assertEquals("1042", event.key());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"249.50\" | 249.50",
            "249.50     | 249.50",
            "250        | 250",
            "\"-10.00\" | -10.00",
            "1e3        | 1000",
            "0.000      | 0.000"})
    void amountIsReadFromAStringOrANumberAndWrittenAsAPlainString(String jsonAmount, String expected) {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("earnings.credited",
                "{\"partner_id\":\"p-1\",\"order_id\":\"o-1\",\"amount\":" + jsonAmount + ",\"currency\":\"INR\"}"));

        EarningsCredited earnings = (EarningsCredited) event.payload();
        assertEquals(0, new BigDecimal(expected).compareTo(earnings.amount()));
        assertEquals(expected, earnings.amount().toPlainString());
        assertTrue(EventCodec.toData(earnings).get("amount").isTextual());
        assertEquals(expected, EventCodec.toData(earnings).get("amount").textValue());
    }

    @Test
    void payloadRecordsWriteMoneyAsAPlainStringWithAnyMapper() throws Exception {
        ObjectMapper plainMapper = new ObjectMapper();
        EarningsCredited earnings = new EarningsCredited("p-1", "o-1", new BigDecimal("1E+3"), "INR");

        assertEquals("{\"partner_id\":\"p-1\",\"order_id\":\"o-1\",\"amount\":\"1000\",\"currency\":\"INR\"}",
                plainMapper.writeValueAsString(earnings));
    }

    @Test
    void amountKeepsItsExactDigitsWhenSentAsANumber() {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("earnings.credited",
                "{\"partner_id\":\"p-1\",\"order_id\":\"o-1\",\"amount\":12345678901234567.25,\"currency\":\"INR\"}"));

        assertEquals(new BigDecimal("12345678901234567.25"), ((EarningsCredited) event.payload()).amount());
    }

    @Test
    void timestampsKeepTheirOffsetAndAreWrittenAsIso8601() {
        CloudEvent envelope = EventCodec.readEnvelope(SampleEvents.envelope("order.eta_updated",
                "{\"order_id\":\"o-1\",\"eta\":\"2026-11-26T15:45:30.5+05:30\"}"));

        assertEquals(OffsetDateTime.parse("2026-11-26T10:15:30.123Z"), envelope.time());
        assertTrue(EventCodec.toJsonString(envelope).contains("\"time\":\"2026-11-26T10:15:30.123Z\""));
        OrderEtaUpdated update = (OrderEtaUpdated) EventCodec.readPayload(envelope);
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), update.eta().getOffset());
        assertEquals("2026-11-26T15:45:30.5+05:30", EventCodec.toData(update).get("eta").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"status_display\":null,\"note\":null"})
    void optionalFieldsAbsentOrNullAreReadAsNullAndLeftOutWhenWritten(String optionalFields) {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("order.status_changed", """
                {"order_id":"o-1","order_number":"LC-1","customer_id":"c-1","partner_id":"p-1",
                 "status":"picked_up","previous_status":"confirmed"%s}""".formatted(optionalFields)));

        OrderStatusChanged changed = (OrderStatusChanged) event.payload();
        assertNull(changed.statusDisplay());
        assertNull(changed.note());
        assertEquals("Picked Up", changed.statusDisplayOrDefault());
        ObjectNode written = (ObjectNode) EventCodec.toData(changed);
        assertFalse(written.has("status_display"));
        assertFalse(written.has("note"));
    }

    @Test
    void anEventsOwnStatusDisplayWinsOverTheContractText() {
        OrderStatusChanged changed = new OrderStatusChanged("o-1", "LC-1", "c-1", "p-1",
                OrderStatus.READY, OrderStatus.IN_PROCESS, "Ready for pickup at store", null);
        assertEquals("Ready for pickup at store", changed.statusDisplayOrDefault());
    }

    @Test
    void orderAssignedWithOnlyRequiredFieldsHasNullOrderDetails() {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("order.assigned", """
                {"order_id":"o-1","order_number":"LC-1","customer_id":"c-1","partner_id":"p-1",
                 "partner_name":"Ravi","items_count":null,"total_amount":null}"""));

        OrderAssigned assigned = (OrderAssigned) event.payload();
        assertNull(assigned.pickupAddress());
        assertNull(assigned.itemsCount());
        assertNull(assigned.totalAmount());
        assertNull(assigned.currency());
        assertNull(assigned.scheduledPickup());
    }

    @Test
    void locationWithoutHeadingAndSpeed() {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("location.reported", """
                {"order_id":"o-1","partner_id":"p-1","latitude":-33,"longitude":151.2,"heading":null,
                 "recorded_at":"2026-11-26T10:15:30Z"}"""));

        LocationReported location = (LocationReported) event.payload();
        assertEquals(-33.0, location.latitude());
        assertEquals(151.2, location.longitude());
        assertNull(location.heading());
        assertNull(location.speed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"data\":null"})
    void notificationDataAbsentOrNullIsReadAsNull(String dataField) {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("notification.requested", """
                {"user_id":"u-1","title":"Hi","message":"Hello","notification_type":"promo"%s}"""
                .formatted(dataField)));

        assertNull(((NotificationRequested) event.payload()).data());
        assertFalse(EventCodec.toData(event.payload()).has("data"));
    }

    @Test
    void notificationDataObjectIsKeptAsIs() {
        TypedEvent event = EventValidator.validateAndRead(SampleEvents.envelope("notification.requested", """
                {"user_id":"u-1","title":"Hi","message":"Hello","notification_type":"promo",
                 "data":{"code":"SAVE10","tiers":[1,2.50,{"x":null}]}}"""));

        assertEquals(EventCodec.readTree("{\"code\":\"SAVE10\",\"tiers\":[1,2.50,{\"x\":null}]}"),
                ((NotificationRequested) event.payload()).data());
    }

    @Test
    void unknownExtraFieldsAreAcceptedAndIgnoredForForwardCompatibility() {
        ObjectNode envelope = SampleEvents.envelope(EventType.EARNINGS_CREDITED);
        envelope.put("traceparent", "00-abc-def-01");
        SampleEvents.data(envelope).put("payout_batch", "b-7");

        TypedEvent event = EventValidator.validateAndRead(envelope);

        assertEquals(new EarningsCredited(SampleEvents.PARTNER_ID, SampleEvents.ORDER_ID, new BigDecimal("49.90"), "INR"),
                event.payload());
        assertEquals("b-7", event.envelope().data().get("payout_batch").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":", "not json", "{\"a\":1} {\"b\":2}", "{\"type\":\"a\",\"type\":\"b\"}", "{'a':1}"})
    void textThatIsNotOneWellFormedJsonDocumentIsRejected(String text) {
        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> EventCodec.readTree(text));

        FieldError error = thrown.errors().getFirst();
        assertEquals(FieldError.WHOLE_DOCUMENT, error.field());
        assertTrue(error.message().startsWith("cannot be read as JSON: "), error.message());
    }

    @Test
    void readEnvelopeRejectsANonObject() {
        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> EventCodec.readEnvelope("[1,2]"));
        assertEquals(List.of(new FieldError("", "must be a JSON object")), thrown.errors());
    }

    @Test
    void readPayloadOfAnUnknownTypeNamesTheType() {
        CloudEvent envelope = EventCodec.readEnvelope(SampleEvents.envelope("order.deleted", "{}"));

        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> EventCodec.readPayload(envelope));
        assertEquals(List.of(new FieldError("type", "unknown event type \"order.deleted\"")), thrown.errors());
    }

    @Test
    void readPayloadOfUnvalidatedDataNamesAMissingRequiredField() {
        CloudEvent envelope = EventCodec.readEnvelope(SampleEvents.envelope("order.eta_updated",
                "{\"eta\":\"2026-11-26T10:45:00Z\"}"));

        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> EventCodec.readPayload(envelope));
        assertEquals(List.of(new FieldError("data.order_id", "is required")), thrown.errors());
    }

    @Test
    void readPayloadOfUnvalidatedDataNamesAFieldOfTheWrongType() {
        CloudEvent envelope = EventCodec.readEnvelope(SampleEvents.envelope("location.reported", """
                {"order_id":"o-1","partner_id":"p-1","latitude":"north","longitude":1,
                 "recorded_at":"2026-11-26T10:15:30Z"}"""));

        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> EventCodec.readPayload(envelope));
        assertEquals(List.of(new FieldError("data.latitude", "has an invalid value")), thrown.errors());
    }

    @Test
    void payloadRecordsRejectAMissingRequiredValueNamingItsJsonField() {
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> new OrderCreated("o-1", "LC-1", null, OrderStatus.PENDING, BigDecimal.ONE, "INR", "addr", 1,
                        OffsetDateTime.now()));
        assertEquals("customer_id", thrown.getMessage());
    }

    @Test
    void invalidEventExceptionMessageListsEveryError() {
        InvalidEventException exception = new InvalidEventException(List.of(
                new FieldError("id", "is required"), new FieldError("", "must be a JSON object")));
        assertEquals("id: is required; must be a JSON object", exception.getMessage());
    }
}
