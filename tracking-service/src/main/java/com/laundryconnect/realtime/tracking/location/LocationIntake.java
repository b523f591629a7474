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
import com.laundryconnect.realtime.tracking.TrackingConfig;
import com.laundryconnect.realtime.tracking.TrackingMetrics;
import com.laundryconnect.realtime.tracking.push.TrackingMessages;
import com.laundryconnect.realtime.tracking.store.OrderViews;

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

    /**
     * A batch's locations, in order: the views of their orders read in one query, those that pass the checks kept as
     * their orders' latest in one Redis round trip, and those that are newer than what was kept offered for pushing.
     * Blocking: call from a worker thread.
     */
    public void acceptAll(List<LocationReported> locations) {
        if (locations.isEmpty()) {
            return;
        }
        Map<String, OrderViews.Assignment> assignments = views.assignments(
                locations.stream().map(LocationReported::orderId).collect(Collectors.toSet()));
        Instant now = Instant.now();
        List<LatestLocations.Candidate> candidates = new ArrayList<>();
        for (LocationReported location : locations) {
            rejection(location, assignments.get(location.orderId()), now).ifPresentOrElse(
                    reason -> reject(location, reason),
                    () -> candidates.add(new LatestLocations.Candidate(location.orderId(),
                            new LatestLocations.StoredLocation(location.latitude(), location.longitude(),
                                    location.heading(), location.speed(), location.recordedAt().toInstant()))));
        }
        List<Boolean> stored = latest.storeAllIfNewer(candidates);
        List<LocationConflator.Offered> newer = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            LatestLocations.Candidate candidate = candidates.get(i);
            LatestLocations.StoredLocation location = candidate.location();
            if (!stored.get(i)) {
                LOG.debugf("Order %s: location recorded at %s is not newer than the latest one", candidate.orderId(),
                        location.recordedAt());
                metrics.locationRejected("out_of_order");
                continue;
            }
            newer.add(new LocationConflator.Offered(candidate.orderId(), new TrackingMessages.Location(
                    location.latitude(), location.longitude(), location.recordedAt(),
                    location.heading(), location.speed()), location.recordedAt()));
        }
        conflator.offerAll(newer);
    }

    /** Why the location is refused, if it is, before it is compared with the latest one kept. */
    private Optional<String> rejection(LocationReported location, OrderViews.Assignment assignment, Instant now) {
        if (assignment == null) {
            return Optional.of("unknown_order");
        }
        if (!assignment.isAssignedPartner(location.partnerId())) {
            return Optional.of("partner_not_assigned");
        }
        Instant recordedAt = location.recordedAt().toInstant();
        if (recordedAt.isBefore(now.minus(config.locationTtl()))) {
            return Optional.of("stale");
        }
        if (recordedAt.isAfter(now.plus(MAX_CLOCK_AHEAD))) {
            return Optional.of("recorded_in_future");
        }
        return Optional.empty();
    }

    private void reject(LocationReported location, String reason) {
        LOG.warnf("Rejected a location for order %s from partner %s: %s", location.orderId(), location.partnerId(), reason);
        metrics.locationRejected(reason);
    }
}
