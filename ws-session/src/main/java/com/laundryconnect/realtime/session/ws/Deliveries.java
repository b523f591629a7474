package com.laundryconnect.realtime.session.ws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pushes of one applied batch of events, gathered per routing key in the order they were added, to go out in one
 * fan-out once the batch is stored ({@link BestEffortPush}).
 */
public final class Deliveries {

    private final Map<String, List<Object>> messagesByRoutingKey = new LinkedHashMap<>();
    private final List<Instant> eventTimes = new ArrayList<>();

    /** @param eventTime the time of the event the messages come from, for the delivery latency; may be null */
    public void add(String routingKey, Instant eventTime, List<?> messages) {
        if (messages.isEmpty()) {
            return;
        }
        messagesByRoutingKey.computeIfAbsent(routingKey, key -> new ArrayList<>()).addAll(messages);
        if (eventTime != null) {
            eventTimes.add(eventTime);
        }
    }

    public boolean isEmpty() {
        return messagesByRoutingKey.isEmpty();
    }

    Map<String, List<Object>> messagesByRoutingKey() {
        return messagesByRoutingKey;
    }

    List<Instant> eventTimes() {
        return eventTimes;
    }
}
