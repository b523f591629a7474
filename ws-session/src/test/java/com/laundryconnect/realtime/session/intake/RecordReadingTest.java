package com.laundryconnect.realtime.session.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;

class RecordReadingTest {

    private static final String NOTIFICATION = """
            {"specversion":"1.0","id":"5f0c6a52-0d4e-4c59-9d5b-0d2b1a8f6a11","type":"notification.requested",
             "source":"laundryconnect-backend","time":"2026-12-03T10:00:00Z","subject":"42",
             "datacontenttype":"application/json",
             "data":{"user_id":"42","title":"Ready","message":"Your order is ready","notification_type":"order_status"}}""";

    @Test
    void aValidEventOfTheTopicIsApplied() {
        RecordReading reading = RecordReading.of(Topic.NOTIFICATIONS, NOTIFICATION);

        RecordReading.Valid valid = assertInstanceOf(RecordReading.Valid.class, reading);
        assertEquals("5f0c6a52-0d4e-4c59-9d5b-0d2b1a8f6a11", valid.event().envelope().id());
        assertEquals("42", valid.event().key());
    }

    @Test
    void aTypeThisContractVersionDoesNotKnowIsSkipped() {
        String future = NOTIFICATION.replace("\"notification.requested\"", "\"notification.snoozed\"");

        assertInstanceOf(RecordReading.Skipped.class, RecordReading.of(Topic.NOTIFICATIONS, future));
    }

    @Test
    void anEventThatBelongsOnAnotherTopicIsSkipped() {
        assertInstanceOf(RecordReading.Skipped.class, RecordReading.of(Topic.ORDERS, NOTIFICATION));
    }

    @Test
    void aRecordWithoutAValueIsMalformed() {
        RecordReading.Malformed malformed = assertInstanceOf(RecordReading.Malformed.class,
                RecordReading.of(Topic.NOTIFICATIONS, null));

        assertEquals("record has no value", malformed.errors().getFirst().message());
    }

    @Test
    void unreadableJsonAndAMissingFieldAreMalformed() {
        assertInstanceOf(RecordReading.Malformed.class, RecordReading.of(Topic.NOTIFICATIONS, "{not json"));
        assertInstanceOf(RecordReading.Malformed.class,
                RecordReading.of(Topic.NOTIFICATIONS, NOTIFICATION.replace("\"title\":\"Ready\",", "")));
    }
}
