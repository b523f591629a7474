package com.laundryconnect.realtime.tracking.location;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.session.ws.Timestamps;
import com.laundryconnect.realtime.tracking.TrackingConfig;
import com.laundryconnect.realtime.tracking.TrackingMetrics;
import com.laundryconnect.realtime.tracking.store.OrderView;
import com.laundryconnect.realtime.tracking.store.OrderViews;
import com.laundryconnect.realtime.tracking.ws.TrackingMessages;

/**
 * Decides whether a reported location reaches an order's subscribers: only from the partner assigned to the order,
 * only if newer than the latest one kept, and only with a plausible recording time. Coordinates out of range never
 * get here; they fail event validation and are dead-lettered by the intake (counted by {@code LocationEventsConsumer}).
 * Everything refused is logged and counted, never pushed.
 */
@ApplicationScoped
public class LocationIntake {

    private static final Logger LOG = Logger.getLogger(LocationIntake.class);
    /** Devices' clocks drift; a location recorded further ahead than this would hide the real ones that follow. */
    private static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(1);

    private final OrderViews views;
    private final LatestLocations latest;
    private final LocationConflator conflator;
    private final TrackingMetrics metrics;
    private final TrackingConfig config;

    public LocationIntake(OrderViews views, LatestLocations latest, LocationConflator conflator, TrackingMetrics metrics,
                          TrackingConfig config) {
        this.views = views;
        this.latest = latest;
        this.conflator = conflator;
        this.metrics = metrics;
        this.config = config;
    }

    /** A batch's locations, in order, with the views of their orders read in one query. Blocking: call from a worker. */
    public void acceptAll(List<LocationReported> locations) {
        if (locations.isEmpty()) {
            return;
        }
        Map<String, OrderView> views = this.views.findAll(
                locations.stream().map(LocationReported::orderId).collect(Collectors.toSet()));
        Instant now = Instant.now();
        List<LocationConflator.Offered> accepted = new ArrayList<>();
        for (LocationReported location : locations) {
            check(location, views.get(location.orderId()), now).ifPresent(accepted::add);
        }
        conflator.offerAll(accepted);
    }

    private Optional<LocationConflator.Offered> check(LocationReported location, OrderView view, Instant now) {
        if (view == null) {
            return reject(location, "unknown_order");
        }
        if (!view.isAssignedPartner(location.partnerId())) {
            return reject(location, "partner_not_assigned");
        }
        Instant recordedAt = location.recordedAt().toInstant();
        if (recordedAt.isBefore(now.minus(config.locationTtl()))) {
            return reject(location, "stale");
        }
        if (recordedAt.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
            return reject(location, "recorded_in_future");
        }
        LatestLocations.StoredLocation stored = new LatestLocations.StoredLocation(location.latitude(),
                location.longitude(), location.heading(), location.speed(), recordedAt);
        if (!latest.storeIfNewer(location.orderId(), stored)) {
            LOG.debugf("Order %s: location recorded at %s is not newer than the latest one", location.orderId(), recordedAt);
            metrics.locationRejected("out_of_order");
            return Optional.empty();
        }
        return Optional.of(new LocationConflator.Offered(location.orderId(), new TrackingMessages.Location(
                location.latitude(), location.longitude(), Timestamps.format(recordedAt), location.heading(),
                location.speed()), recordedAt));
    }

    private Optional<LocationConflator.Offered> reject(LocationReported location, String reason) {
        LOG.warnf("Rejected a location for order %s from partner %s: %s", location.orderId(), location.partnerId(), reason);
        metrics.locationRejected(reason);
        return Optional.empty();
    }
}
