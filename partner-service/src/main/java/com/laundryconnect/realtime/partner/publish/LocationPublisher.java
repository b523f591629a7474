package com.laundryconnect.realtime.partner.publish;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventType;
import com.laundryconnect.realtime.events.EventValidator;
import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.session.publish.EventWriter;

/** Publishes a partner's position as {@code location.reported} on laundry.locations.v1, keyed by order id. */
@ApplicationScoped
public class LocationPublisher {

    private final EventWriter writer;
    private final String source;

    public LocationPublisher(EventWriter writer, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.writer = writer;
        this.source = source;
    }

    /**
     * Returns once Kafka acknowledged the event. Blocking: call from a worker thread.
     *
     * @throws InvalidEventException if the event would break the contract of the topic, so nothing is written
     */
    public void publish(LocationReported location) {
        CloudEvent envelope = CloudEvent.create(source, location);
        List<FieldError> errors = EventValidator.validate(EventCodec.toTree(envelope));
        if (!errors.isEmpty()) {
            throw new InvalidEventException(errors);
        }
        writer.writeAll(List.of(new TypedEvent(envelope, EventType.LOCATION_REPORTED, location)));
    }
}
