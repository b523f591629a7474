package com.laundryconnect.realtime.tracking.events;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.tracking.TrackingMetrics;
import com.laundryconnect.realtime.tracking.location.LocationIntake;

import io.smallrye.common.annotation.Blocking;

/** {@code laundry.locations.v1}: partners' positions, checked and conflated before they reach an order's subscribers. */
@ApplicationScoped
public class LocationEventsConsumer {

    private final RecordProcessing processing;
    private final IncomingEvents incoming;
    private final LocationIntake intake;
    private final TrackingMetrics metrics;

    public LocationEventsConsumer(RecordProcessing processing, IncomingEvents incoming, LocationIntake intake,
                                  TrackingMetrics metrics) {
        this.processing = processing;
        this.incoming = incoming;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Incoming("locations")
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        return processing.process("locations", record, value -> read(value)
                .filter(event -> event.payload() instanceof LocationReported)
                .ifPresent(event -> intake.accept((LocationReported) event.payload())));
    }

    private Optional<TypedEvent> read(String value) {
        try {
            return incoming.read(Topic.LOCATIONS, value);
        } catch (InvalidEventException e) {
            if (e.errors().stream().anyMatch(error -> error.field().equals("data.latitude")
                    || error.field().equals("data.longitude"))) {
                metrics.locationRejected("invalid_coordinates");
            }
            throw e;
        }
    }
}
