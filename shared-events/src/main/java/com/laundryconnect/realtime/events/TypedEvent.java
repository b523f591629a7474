package com.laundryconnect.realtime.events;

import com.laundryconnect.realtime.events.payload.EventPayload;

/** A validated envelope together with its event type and its {@code data} read as the typed payload. */
public record TypedEvent(CloudEvent envelope, EventType type, EventPayload payload) {

    /** The Kafka record key: the value of the type's key field in {@code data}. */
    public String key() {
        return type.keyOf(envelope.data());
    }

    public Topic topic() {
        return type.topic();
    }
}
