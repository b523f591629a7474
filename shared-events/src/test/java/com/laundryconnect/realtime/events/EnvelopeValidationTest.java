package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeValidationTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ObjectNode validEnvelope() {
        return SampleEvents.envelope(EventType.ORDER_ETA_UPDATED);
    }

    private static void assertOnlyError(ObjectNode envelope, String field, String message) {
        assertEquals(List.of(new FieldError(field, message)), EventValidator.validate(envelope));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleOfEveryTypeIsValid(EventType type) {
        assertEquals(List.of(), EventValidator.validate(SampleEvents.envelope(type)));
    }

    @Test
    void onlyTheRequiredAttributesAreNeeded() {
        ObjectNode envelope = validEnvelope();
        envelope.remove(List.of("time", "subject", "datacontenttype"));
        assertEquals(List.of(), EventValidator.validate(envelope));
    }

    @Test
    void optionalAttributesMayBeNull() {
        ObjectNode envelope = validEnvelope();
        envelope.putNull("time");
        envelope.putNull("subject");
        envelope.putNull("datacontenttype");
        assertEquals(List.of(), EventValidator.validate(envelope));
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "type", "source", "data"})
    void missingRequiredAttributeIsReported(String attribute) {
        ObjectNode envelope = validEnvelope();
        envelope.remove(attribute);
        assertOnlyError(envelope, attribute, "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "type", "source", "data"})
    void nullRequiredAttributeIsReported(String attribute) {
        ObjectNode envelope = validEnvelope();
        envelope.putNull(attribute);
        assertOnlyError(envelope, attribute, "must not be null");
    }

    @Test
    void specVersionMustBe1Point0() {
        assertOnlyError(validEnvelope().put("specversion", "0.3"), "specversion", "must be \"1.0\"");
        assertOnlyError(validEnvelope().put("specversion", 1.0), "specversion", "must be \"1.0\"");
    }

    @Test
    void idMustBeANonBlankStringOfAtMost200Characters() {
        assertOnlyError(validEnvelope().put("id", " "), "id", "must be a non-blank string");
        assertOnlyError(validEnvelope().put("id", 42), "id", "must be a non-blank string");
        assertEquals(List.of(), EventValidator.validate(validEnvelope().put("id", "i".repeat(200))));
        assertOnlyError(validEnvelope().put("id", "i".repeat(201)), "id", "must be at most 200 characters");
    }

    @Test
    void idLengthCountsCharactersNotUtf16Units() {
        assertEquals(List.of(), EventValidator.validate(validEnvelope().put("id", "\uD83E\uDDFA".repeat(200))));
    }

    @Test
    void unknownTypeIsReportedWithoutCheckingItsData() {
        ObjectNode envelope = validEnvelope().put("type", "foo");
        envelope.set("data", JSON.objectNode().put("anything", 1));
        assertOnlyError(envelope, "type", "unknown event type \"foo\"");
    }

    @Test
    void unknownTypeIsQuotedSafelyAndShortened() {
        assertOnlyError(validEnvelope().put("type", "a\"b\nc"), "type", "unknown event type \"a\\\"b\\nc\"");
        String reported = EventValidator.validate(validEnvelope().put("type", "x".repeat(5000))).getFirst().message();
        assertEquals("unknown event type \"" + "x".repeat(100) + "...\"", reported);
    }

    @Test
    void onlyAStringNamingNoKnownTypeCountsAsAnUnknownType() {
        assertTrue(EventValidator.hasUnknownType(validEnvelope().put("type", "order.archived")));
        assertFalse(EventValidator.hasUnknownType(validEnvelope()));
        assertFalse(EventValidator.hasUnknownType(validEnvelope().put("type", 7)));
        ObjectNode withoutType = validEnvelope();
        withoutType.remove("type");
        assertFalse(EventValidator.hasUnknownType(withoutType));
        assertFalse(EventValidator.hasUnknownType(JSON.arrayNode()));
    }

    @Test
    void typeMustBeAString() {
        assertOnlyError(validEnvelope().put("type", 7), "type", "must be a string");
    }

    @Test
    void sourceMustBeANonBlankString() {
        assertOnlyError(validEnvelope().put("source", ""), "source", "must be a non-blank string");
        assertOnlyError(validEnvelope().put("source", 3), "source", "must be a non-blank string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T10:15:30", "2026-11-26", "yesterday", "2026-11-26T10:15:30+0530", ""})
    void timeMustBeAnIsoTimestampWithOffset(String time) {
        assertOnlyError(validEnvelope().put("time", time), "time", "must be an ISO-8601 timestamp with offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T10:15:30Z", "2026-11-26T15:45:30.123456+05:30", "2026-11-26T10:15-08:00"})
    void timeWithOffsetIsAcceptedAndRead(String time) {
        TypedEvent event = EventValidator.validateAndRead(validEnvelope().put("time", time));
        assertEquals(OffsetDateTime.parse(time), event.envelope().time());
    }

    @Test
    void timeGivenAsANumberIsRejected() {
        assertOnlyError(validEnvelope().put("time", 1764152130), "time", "must be an ISO-8601 timestamp with offset");
    }

    @Test
    void subjectMustBeAString() {
        assertOnlyError(validEnvelope().put("subject", 5), "subject", "must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON"})
    void jsonContentTypeIsAccepted(String contentType) {
        assertEquals(List.of(), EventValidator.validate(validEnvelope().put("datacontenttype", contentType)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/jsonx", ""})
    void otherContentTypesAreRejected(String contentType) {
        assertOnlyError(validEnvelope().put("datacontenttype", contentType), "datacontenttype",
                "must be \"application/json\"");
    }

    @Test
    void dataMustBeAnObject() {
        assertOnlyError((ObjectNode) validEnvelope().set("data", JSON.arrayNode().add(1)), "data", "must be a JSON object");
        assertOnlyError(validEnvelope().put("data", "{\"order_id\":\"o-1\"}"), "data", "must be a JSON object");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRejectedAsAWhole() {
        List<FieldError> expected = List.of(new FieldError("", "must be a JSON object"));
        assertEquals(expected, EventValidator.validate(JSON.arrayNode()));
        assertEquals(expected, EventValidator.validate(JSON.textNode("event")));
        assertEquals(expected, EventValidator.validate(MissingNode.getInstance()));
        assertEquals(expected, EventValidator.validate(null));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode envelope = SampleEvents.envelope(EventType.LOCATION_REPORTED)
                .put("specversion", "2.0")
                .put("source", " ");
        envelope.remove("id");
        SampleEvents.data(envelope).put("latitude", 91).put("longitude", -181).remove("recorded_at");
        SampleEvents.data(envelope).put("partner_id", "p\u0000");

        assertEquals(List.of(
                new FieldError("specversion", "must be \"1.0\""),
                new FieldError("id", "is required"),
                new FieldError("source", "must be a non-blank string"),
                new FieldError("data.latitude", "must be between -90 and 90"),
                new FieldError("data.longitude", "must be between -180 and 180"),
                new FieldError("data.recorded_at", "is required"),
                new FieldError("data.partner_id", "must not contain the NUL character (U+0000)")),
                EventValidator.validate(envelope));
    }

    @Test
    void validateAndReadThrowsWithEveryError() {
        ObjectNode envelope = validEnvelope().put("type", "foo");
        envelope.remove("source");

        InvalidEventException thrown = assertThrows(InvalidEventException.class,
                () -> EventValidator.validateAndRead(envelope));

        assertEquals(List.of(new FieldError("type", "unknown event type \"foo\""), new FieldError("source", "is required")),
                thrown.errors());
    }

    @Test
    void validateAndReadOfTextThatIsNotJsonThrows() {
        InvalidEventException thrown = assertThrows(InvalidEventException.class,
                () -> EventValidator.validateAndRead("{\"specversion\":\"1.0\","));
        assertEquals("", thrown.errors().getFirst().field());
        assertTrue(thrown.getMessage().startsWith("cannot be read as JSON"));
    }

    @Test
    void fieldErrorReadsAsFieldThenMessage() {
        assertEquals("data.latitude: must be between -90 and 90",
                new FieldError("data.latitude", "must be between -90 and 90").toString());
        assertEquals("must be a JSON object", new FieldError("", "must be a JSON object").toString());
    }
}
