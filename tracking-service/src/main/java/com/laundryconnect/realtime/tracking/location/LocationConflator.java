package com.laundryconnect.realtime.tracking.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.session.ws.Deliveries;
import com.laundryconnect.realtime.tracking.TrackingConfig;
import com.laundryconnect.realtime.tracking.push.OrderSubscribers;
import com.laundryconnect.realtime.tracking.push.TrackingMessages;

/**
 * Limits location pushes to one per order per interval (contract 6: at most 2 per second). The first location of a
 * quiet order is pushed at once and opens a window; locations arriving within the window replace each other, and
 * when it ends the latest one is pushed exactly as received and opens the next window. An order's window state
 * exists only while a window is open.
 */
@ApplicationScoped
public class LocationConflator {

    private static final Logger LOG = Logger.getLogger(LocationConflator.class);

    /** Where pushes go, together; in production, one fan-out to the orders' subscribers on every replica. */
    interface Push {
        void send(List<Offered> locations);
    }

    /** A location of an order that passed {@link LocationIntake}'s checks. */
    public record Offered(String orderId, TrackingMessages.Location location, Instant recordedAt) {
    }

    /** An open window of one order; {@code latest} is what its end will push, if anything arrived during it. */
    private static final class Window {
        Offered latest;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService windowEnds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "location-conflation");
        thread.setDaemon(true);
        return thread;
    });
    private final Push push;
    private final long intervalMillis;

    @Inject
    public LocationConflator(OrderSubscribers subscribers, TrackingConfig config) {
        this(locations -> {
            Deliveries deliveries = new Deliveries();
            for (Offered offered : locations) {
                subscribers.toAll(deliveries, offered.orderId(), offered.recordedAt(), List.of(offered.location()));
            }
            subscribers.send(deliveries);
        }, config.locationPushInterval().toMillis());
    }

    LocationConflator(Push push, long intervalMillis) {
        this.push = push;
        this.intervalMillis = intervalMillis;
    }

    /**
     * Offers a batch's locations, in order: those that open a window go out at once, together in one push. Blocking
     * when it pushes: call from a worker thread.
     */
    public void offerAll(List<Offered> locations) {
        List<Offered> openingWindows = new ArrayList<>();
        for (Offered offered : locations) {
            boolean[] opened = {false};
            windows.compute(offered.orderId(), (id, window) -> {
                if (window == null) {
                    opened[0] = true;
                    return new Window();
                }
                window.latest = offered;
                return window;
            });
            if (opened[0]) {
                openingWindows.add(offered);
            }
        }
        pushAndScheduleEnds(openingWindows);
    }

    private void endWindow(String orderId) {
        Offered[] latest = {null};
        windows.compute(orderId, (id, window) -> {
            if (window == null || window.latest == null) {
                return null;
            }
            latest[0] = window.latest;
            return new Window();
        });
        if (latest[0] != null) {
            pushAndScheduleEnds(List.of(latest[0]));
        }
    }

    private void pushAndScheduleEnds(List<Offered> pushes) {
        if (pushes.isEmpty()) {
            return;
        }
        try {
            push.send(pushes);
        } catch (RuntimeException e) {
            LOG.warnf("Location push for %d orders failed: %s", pushes.size(), e.getMessage());
        }
        for (Offered pushed : pushes) {
            windowEnds.schedule(() -> endWindow(pushed.orderId()), intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        windowEnds.shutdownNow();
    }
}
