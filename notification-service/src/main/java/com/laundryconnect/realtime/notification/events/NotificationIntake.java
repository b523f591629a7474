package com.laundryconnect.realtime.notification.events;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventValidator;
import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.notification.store.NewNotification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.ws.NotificationPush;
import com.laundryconnect.realtime.session.ws.SessionMetrics;

/**
 * Turns a consumed record into a stored, then pushed, notification. A record that is not a valid event throws
 * {@link InvalidEventException}, which the channel's dead-letter strategy sends to the topic's {@code .dlq}; a
 * database or Redis failure is retried here, so a short outage delays events instead of dead-lettering them.
 */
@ApplicationScoped
public class NotificationIntake {

    private static final Logger LOG = Logger.getLogger(NotificationIntake.class);

    private final NotificationStore store;
    private final NotificationPush push;
    private final SessionMetrics metrics;

    public NotificationIntake(NotificationStore store, NotificationPush push, SessionMetrics metrics) {
        this.store = store;
        this.push = push;
        this.metrics = metrics;
    }

    @Retry(maxRetries = 30, delay = 1, delayUnit = ChronoUnit.SECONDS, maxDuration = 2, durationUnit = ChronoUnit.MINUTES,
            abortOn = InvalidEventException.class)
    public void accept(String record) {
        JsonNode envelope;
        try {
            envelope = EventCodec.readTree(record);
        } catch (RuntimeException e) {
            throw rejected(List.of(new FieldError("", "cannot be read as JSON")));
        }
        if (EventValidator.hasUnknownType(envelope)) {
            LOG.debugf("Skipping event of unknown type %s", envelope.path("type").asText());
            return;
        }
        TypedEvent event;
        try {
            event = EventValidator.validateAndRead(envelope);
        } catch (InvalidEventException e) {
            throw rejected(e.errors());
        }
        NotificationRules.notificationFor(event).ifPresent(notification -> storeAndPush(event, notification));
    }

    private void storeAndPush(TypedEvent event, NewNotification notification) {
        store.storeOnce(notification).ifPresentOrElse(stored -> {
            push.newNotification(stored);
            if (event.envelope().time() != null) {
                metrics.deliveryLatency("notifications", event.envelope().time().toInstant());
            }
        }, () -> LOG.debugf("Event %s was already stored; not pushed again", event.envelope().id()));
    }

    private static InvalidEventException rejected(List<FieldError> errors) {
        LOG.warnf("Dead-lettering an invalid event: %s", errors);
        return new InvalidEventException(errors);
    }
}
