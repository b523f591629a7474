package com.laundryconnect.realtime.session.intake;

import java.util.List;

import com.laundryconnect.realtime.events.TypedEvent;

/**
 * What a service does with the valid events of one poll, given in the order they were read (so in order per key).
 * It must be idempotent on each event's id: after a failure or a restart the same events are applied again.
 */
@FunctionalInterface
public interface EventBatchHandler {

    void apply(List<TypedEvent> events);
}
