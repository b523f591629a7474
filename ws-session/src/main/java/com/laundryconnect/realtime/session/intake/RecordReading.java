package com.laundryconnect.realtime.session.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventValidator;
import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;

/**
 * What a consumed record value is under contract 8: an event to apply, something to skip (a type this contract
 * version does not know, or a type that belongs on another topic), or a malformed record for the dead-letter topic.
 * A record without a value is malformed: no producer of the contract writes one, and the topics are not compacted.
 */
public sealed interface RecordReading {

    record Valid(TypedEvent event) implements RecordReading {
    }

    record Skipped(String reason) implements RecordReading {
    }

    record Malformed(List<FieldError> errors) implements RecordReading {
    }

    static RecordReading of(Topic topic, String value) {
        if (value == null) {
            return new Malformed(List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "record has no value")));
        }
        try {
            JsonNode envelope = EventCodec.readTree(value);
            if (EventValidator.hasUnknownType(envelope)) {
                return new Skipped("unknown type " + envelope.path("type").asText());
            }
            TypedEvent event = EventValidator.validateAndRead(envelope);
            if (event.topic() != topic) {
                return new Skipped(event.type().type() + " belongs on " + event.topic().topicName());
            }
            return new Valid(event);
        } catch (InvalidEventException e) {
            return new Malformed(e.errors());
        }
    }
}
