package com.laundryconnect.realtime.partner.ws;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.InvalidEventException;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.partner.publish.LocationPublisher;
import com.laundryconnect.realtime.partner.store.OrderViews;

/**
 * Accepts a partner's {@code location_update} for an order assigned to them and publishes it as
 * {@code location.reported}, so it reaches the order's tracking subscribers (contract 7 and 11).
 */
@ApplicationScoped
class LocationUpdates {

    private static final Logger LOG = Logger.getLogger(LocationUpdates.class);

    private final OrderViews orders;
    private final LocationPublisher publisher;

    LocationUpdates(OrderViews orders, LocationPublisher publisher) {
        this.orders = orders;
        this.publisher = publisher;
    }

    /** Empty when the update was published (an accepted update gets no answer); else the client's error text. */
    Optional<String> handle(String partnerId, JsonNode body) {
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        LocationUpdate update;
        try {
            update = LocationUpdate.parse(body);
        } catch (LocationUpdate.Invalid e) {
            return Optional.of(e.getMessage());
        }
        if (!orders.isAssignedTo(update.orderId(), partnerId)) {
            return Optional.of("Order not found or not assigned to you");
        }
        var location = new LocationReported(update.orderId(), partnerId, update.latitude(), update.longitude(),
                update.heading(), update.speed(), update.recordedAt() != null ? update.recordedAt() : receivedAt);
        try {
            publisher.publish(location);
            return Optional.empty();
        } catch (InvalidEventException e) {
            return Optional.of("Invalid location_update: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Publishing a location of order %s failed: %s", update.orderId(), e.getMessage());
            return Optional.of("Location could not be recorded; send it again");
        }
    }
}
