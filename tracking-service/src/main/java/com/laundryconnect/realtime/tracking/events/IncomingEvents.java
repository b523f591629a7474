package com.laundryconnect.realtime.tracking.events;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventValidator;
import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.tracking.TrackingMetrics;

/** Reads a Kafka record value as a CloudEvent of contract 8, deciding what is skipped and what is dead-lettered. */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final TrackingMetrics metrics;

    public IncomingEvents(TrackingMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The event in {@code value}; empty for what is skipped (a tombstone, a type this contract version does not know,
     * a type that belongs to another topic).
     *
     * @throws InvalidEventException for a malformed record, which the channel's failure strategy dead-letters
     */
    public Optional<TypedEvent> read(Topic topic, String value) {
        if (value == null) {
            LOG.debugf("Skipping a record without a value on %s", topic.topicName());
            return Optional.empty();
        }
        try {
            JsonNode envelope = EventCodec.readTree(value);
            if (EventValidator.hasUnknownType(envelope)) {
                LOG.debugf("Skipping an event of unknown type %s on %s", envelope.path("type").asText(), topic.topicName());
                return Optional.empty();
            }
            TypedEvent event = EventValidator.validateAndRead(envelope);
            if (event.topic() != topic) {
                LOG.infof("Skipping %s event %s, which belongs on %s, not %s", event.type().type(), event.envelope().id(),
                        event.topic().topicName(), topic.topicName());
                return Optional.empty();
            }
            return Optional.of(event);
        } catch (InvalidEventException e) {
            LOG.warnf("Malformed record on %s, sent to %s: %s", topic.topicName(), topic.deadLetterTopicName(),
                    e.getMessage());
            metrics.eventInvalid(topic.topicName());
            throw e;
        }
    }
}
