package com.laundryconnect.realtime.session.intake;

import java.util.List;
import java.util.Set;

import com.laundryconnect.realtime.events.TypedEvent;

/**
 * What a service does with the valid events of one poll, given in the order they were read (so in order per key).
 * It must be idempotent on each event's id: after a failure or a restart the same events are applied again.
 */
@FunctionalInterface
public interface EventBatchHandler {

    /**
     * Applies the events, pushing what the new ones change. Returns the routing keys of the sessions that the events
     * found applied already would have been pushed to (an empty set where none, or where pushes are not resumable): when
     * the read is one whose pushes may never have gone out, the intake tells those sessions of a gap.
     */
    Set<String> apply(List<TypedEvent> events);
}
