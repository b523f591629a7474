package com.laundryconnect.realtime.partner.events;

import java.time.Duration;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventValidator;
import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.partner.PartnerConfig;

/**
 * What every consumer of this service does with a record (contract 8): skip an unknown type, reject a malformed
 * record (the exception nacks it, and the channel's failure strategy sends it to the topic's dead-letter topic), and
 * apply a valid event, retrying a failure that may be passing before giving up on it.
 */
@ApplicationScoped
class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);

    private final PartnerConfig config;

    EventConsumption(PartnerConfig config) {
        this.config = config;
    }

    void consume(ConsumerRecord<String, String> record, Consumer<TypedEvent> apply) {
        TypedEvent event;
        try {
            if (record.value() == null) {
                throw new InvalidEventException(new FieldError(FieldError.WHOLE_DOCUMENT, "record has no value"));
            }
            JsonNode envelope = EventCodec.readTree(record.value());
            if (EventValidator.hasUnknownType(envelope)) {
                LOG.debugf("Skipping %s: unknown type %s", where(record), envelope.path("type").asText());
                return;
            }
            event = EventValidator.validateAndRead(envelope);
        } catch (InvalidEventException e) {
            LOG.warnf("Malformed record %s goes to the dead-letter topic: %s", where(record), e.getMessage());
            throw e;
        }
        applyWithRetries(record, event, apply);
    }

    private void applyWithRetries(ConsumerRecord<String, String> record, TypedEvent event, Consumer<TypedEvent> apply) {
        Duration backoff = config.applyRetryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                apply.accept(event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.applyAttempts()) {
                    LOG.errorf(e, "Event %s (%s) could not be applied after %d attempts; dead-lettering it",
                            event.envelope().id(), where(record), attempt);
                    throw e;
                }
                LOG.warnf("Applying event %s (%s) failed, retrying in %s: %s", event.envelope().id(), where(record),
                        backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
