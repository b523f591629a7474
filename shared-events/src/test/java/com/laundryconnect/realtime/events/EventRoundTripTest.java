package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.payload.EventPayload;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRoundTripTest {

    static List<EventPayload> samplePayloads() {
        return SampleEvents.payloads();
    }

    @ParameterizedTest
    @MethodSource("samplePayloads")
    void createdEventSurvivesSerialisationAndValidation(EventPayload payload) {
        CloudEvent created = CloudEvent.create("partner-service", payload);
        String json = EventCodec.toJsonString(created);

        TypedEvent read = EventValidator.validateAndRead(json.getBytes(StandardCharsets.UTF_8));

        assertEquals(payload, read.payload());
        assertEquals(EventType.ofPayload(payload), read.type());
        assertEquals(created.id(), read.envelope().id());
        assertEquals(created.time(), read.envelope().time());
        assertEquals(created.subject(), read.key());
        assertEquals(read.type().topic(), read.topic());
        assertEquals(json, EventCodec.toJsonString(read.envelope()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void producerJsonReadsIntoTheTypedPayloadAndWritesBackUnchanged(EventType type) {
        JsonNode rawData = EventCodec.readTree(SampleEvents.rawData(type));

        TypedEvent read = EventValidator.validateAndRead(SampleEvents.envelope(type));

        assertEquals(type.payloadClass(), read.payload().getClass());
        assertEquals(rawData, EventCodec.readTree(EventCodec.toData(read.payload()).toString()));
    }

    @ParameterizedTest
    @MethodSource("samplePayloads")
    void createFillsTheEnvelopeAttributes(EventPayload payload) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = CloudEvent.create("tracking-service", payload);
        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);

        EventType type = EventType.ofPayload(payload);
        assertEquals("1.0", event.specVersion());
        assertEquals(event.id(), UUID.fromString(event.id()).toString());
        assertEquals(type.type(), event.type());
        assertEquals("tracking-service", event.source());
        assertEquals(ZoneOffset.UTC, event.time().getOffset());
        assertEquals(0, event.time().getNano() % 1_000_000, "millisecond precision");
        assertFalse(event.time().isBefore(before));
        assertFalse(event.time().isAfter(after));
        assertEquals(event.data().get(type.keyField()).textValue(), event.subject());
        assertEquals("application/json", event.dataContentType());
        assertTrue(EventValidator.validate(EventCodec.toTree(event)).isEmpty());
    }

    @Test
    void eachCreatedEventHasItsOwnId() {
        EventPayload payload = SampleEvents.payloads().getFirst();
        assertFalse(CloudEvent.create("s", payload).id().equals(CloudEvent.create("s", payload).id()));
    }

    @Test
    void createRejectsABlankSource() {
        EventPayload payload = SampleEvents.payloads().getFirst();
        assertThrows(IllegalArgumentException.class, () -> CloudEvent.create(" ", payload));
        assertThrows(NullPointerException.class, () -> CloudEvent.create(null, payload));
    }

    @Test
    void envelopeAndDataAreWrittenWithContractNamesInContractOrder() {
        OrderCreated payload = new OrderCreated("o-1", "LC-1042", "c-1", OrderStatus.CONFIRMED,
                new BigDecimal("249.50"), "INR", "12 MG Road", 2, OffsetDateTime.parse("2026-11-26T15:45:30+05:30"));
        CloudEvent event = new CloudEvent("1.0", "e-1", "order.created", "backend",
                OffsetDateTime.parse("2026-11-26T10:15:30.123Z"), "o-1", "application/json", EventCodec.toData(payload));

        assertEquals("""
                {"specversion":"1.0","id":"e-1","type":"order.created","source":"backend",\
                "time":"2026-11-26T10:15:30.123Z","subject":"o-1","datacontenttype":"application/json",\
                "data":{"order_id":"o-1","order_number":"LC-1042","customer_id":"c-1","status":"confirmed",\
                "total_amount":"249.50","currency":"INR","pickup_address":"12 MG Road","items_count":2,\
                "scheduled_pickup":"2026-11-26T15:45:30+05:30"}}""",
                new String(EventCodec.toJsonBytes(event), StandardCharsets.UTF_8));
    }
}
