package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentLimitsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";
    private static final String TOO_DEEP = "must not nest deeper than 64 levels";

    private static ObjectNode notification() {
        return SampleEvents.envelope(EventType.NOTIFICATION_REQUESTED);
    }

    /**
     * A notification whose whole document nests {@code depth} objects: the envelope (1), its data (2),
     * the notification's data (3) and then objects under key "n".
     */
    private static ObjectNode notificationNestedTo(int depth) {
        ObjectNode envelope = notification();
        ObjectNode innermost = (ObjectNode) SampleEvents.data(envelope).get("data");
        for (int level = 4; level <= depth; level++) {
            innermost = innermost.putObject("n");
        }
        innermost.put("leaf", "text");
        return envelope;
    }

    private static String nestedPath(int depth) {
        return "data.data" + ".n".repeat(depth - 3);
    }

    @Test
    void nulInATextFieldIsReported() {
        ObjectNode envelope = notification();
        SampleEvents.data(envelope).put("title", "Order\u0000 ready");
        assertEquals(List.of(new FieldError("data.title", NUL_MESSAGE)), EventValidator.validate(envelope));
    }

    @Test
    void nulInAnIdOrEnvelopeAttributeIsReported() {
        ObjectNode envelope = notification().put("source", "backend\u0000");
        SampleEvents.data(envelope).put("user_id", "\u0000");
        assertEquals(List.of(new FieldError("source", NUL_MESSAGE), new FieldError("data.user_id", NUL_MESSAGE)),
                EventValidator.validate(envelope));
    }

    @Test
    void nulAnywhereInsideNotificationDataIsReportedWithItsPath() {
        ObjectNode envelope = notification();
        ObjectNode data = (ObjectNode) SampleEvents.data(envelope).get("data");
        data.putObject("meta").putArray("tags").add("ok").add("bad\u0000tag");

        assertEquals(List.of(new FieldError("data.data.meta.tags[1]", NUL_MESSAGE)), EventValidator.validate(envelope));
    }

    @Test
    void nulInAFieldNameIsReportedWithTheNameEscaped() {
        ObjectNode envelope = notification();
        ((ObjectNode) SampleEvents.data(envelope).get("data")).put("bad\u0000key", "value");

        assertEquals(List.of(new FieldError("data.data.bad\\u0000key",
                "field name must not contain the NUL character (U+0000)")), EventValidator.validate(envelope));
    }

    @Test
    void nulInAnUnknownExtraFieldIsStillRejected() {
        ObjectNode envelope = notification().put("traceparent", "\u0000");
        assertEquals(List.of(new FieldError("traceparent", NUL_MESSAGE)), EventValidator.validate(envelope));
    }

    @Test
    void nulSentAsAJsonEscapeIsRejectedAfterParsing() {
        String json = notification().toString().replace("Your laundry", "Your\\u0000laundry");

        InvalidEventException thrown = assertThrows(InvalidEventException.class,
                () -> EventValidator.validateAndRead(json));
        assertEquals(List.of(new FieldError("data.message", NUL_MESSAGE)), thrown.errors());
    }

    @Test
    void sixtyFourLevelsAreAllowed() {
        assertEquals(List.of(), EventValidator.validate(notificationNestedTo(64)));
        EventValidator.validateAndRead(notificationNestedTo(64).toString());
    }

    @Test
    void sixtyFiveLevelsAreReportedAtTheContainerThatIsTooDeep() {
        assertEquals(List.of(new FieldError(nestedPath(65), TOO_DEEP)),
                EventValidator.validate(notificationNestedTo(65)));
    }

    @Test
    void arraysCountAsLevels() {
        ObjectNode envelope = notificationNestedTo(63);
        ObjectNode innermost = (ObjectNode) SampleEvents.data(envelope).get("data");
        for (int level = 4; level <= 63; level++) {
            innermost = (ObjectNode) innermost.get("n");
        }
        innermost.putArray("list").addArray();

        assertEquals(List.of(new FieldError(nestedPath(63) + ".list[0]", TOO_DEEP)), EventValidator.validate(envelope));
    }

    @Test
    void sixtyFiveLevelsInTextAreRejectedByValidateAndRead() {
        String json = notificationNestedTo(65).toString();

        InvalidEventException thrown = assertThrows(InvalidEventException.class,
                () -> EventValidator.validateAndRead(json));
        assertEquals(List.of(new FieldError(nestedPath(65), TOO_DEEP)), thrown.errors());
    }

    @Test
    void aVeryDeepTreeIsNotWalkedToTheBottom() {
        ObjectNode envelope = notification();
        ObjectNode innermost = (ObjectNode) SampleEvents.data(envelope).get("data");
        for (int level = 4; level <= 200_000; level++) {
            innermost = innermost.putObject("n");
        }

        assertEquals(List.of(new FieldError(nestedPath(65), TOO_DEEP)), EventValidator.validate(envelope));
    }

    @Test
    void textNestedBeyondTheParserLimitIsRejectedAsUnreadable() {
        String json = "[".repeat(5000) + "]".repeat(5000);

        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> EventCodec.readTree(json));
        assertEquals("", thrown.errors().getFirst().field());
        assertTrue(thrown.errors().getFirst().message().startsWith("cannot be read as JSON"));
    }

    @Test
    void deepArraysDirectlyUnderTheRootAreCounted() {
        var root = JSON.objectNode();
        var array = root.putArray("a");
        for (int level = 3; level <= 65; level++) {
            array = array.addArray();
        }
        List<FieldError> errors = EventValidator.validate(root);
        assertEquals(new FieldError("a" + "[0]".repeat(63), TOO_DEEP), errors.getLast());
    }
}
