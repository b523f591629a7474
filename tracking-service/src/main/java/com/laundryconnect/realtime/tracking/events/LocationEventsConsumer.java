package com.laundryconnect.realtime.tracking.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.tracking.TrackingMetrics;
import com.laundryconnect.realtime.tracking.location.LocationIntake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * {@code laundry.locations.v1}, a poll at a time: partners' positions, checked and conflated before they reach an
 * order's subscribers. A location with coordinates out of range fails validation, so the intake dead-letters it; it
 * is also counted here as {@code invalid_coordinates}, with the other reasons a location is never pushed.
 */
@ApplicationScoped
public class LocationEventsConsumer {

    private final EventIntake intake;
    private final LocationIntake locations;
    private final TrackingMetrics metrics;

    public LocationEventsConsumer(EventIntake intake, LocationIntake locations, TrackingMetrics metrics) {
        this.intake = intake;
        this.locations = locations;
        this.metrics = metrics;
    }

    @Incoming("locations")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.LOCATIONS, batch, this::apply, this::countInvalidCoordinates);
    }

    /** Locations are not resumed: the next one supersedes a lost push, and connection_established has the latest. */
    private Set<String> apply(List<TypedEvent> events) {
        locations.acceptAll(events.stream()
                .filter(event -> event.payload() instanceof LocationReported)
                .map(event -> (LocationReported) event.payload())
                .toList());
        return Set.of();
    }

    private void countInvalidCoordinates(List<FieldError> errors) {
        if (errors.stream().anyMatch(error -> error.field().equals("data.latitude")
                || error.field().equals("data.longitude"))) {
            metrics.locationRejected("invalid_coordinates");
        }
    }
}
