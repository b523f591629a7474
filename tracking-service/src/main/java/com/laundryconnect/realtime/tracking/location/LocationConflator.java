package com.laundryconnect.realtime.tracking.location;

import java.time.Instant;
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

import com.laundryconnect.realtime.tracking.TrackingConfig;
import com.laundryconnect.realtime.tracking.ws.OrderSubscribers;
import com.laundryconnect.realtime.tracking.ws.TrackingMessages;

/**
 * Limits location pushes to one per order per interval (contract 6: at most 2 per second). The first location of a
 * quiet order is pushed at once and opens a window; locations arriving within the window replace each other, and
 * when it ends the latest one is pushed exactly as received and opens the next window. An order's window state
 * exists only while a window is open.
 */
@ApplicationScoped
public class LocationConflator {

    private static final Logger LOG = Logger.getLogger(LocationConflator.class);

    /** Where a push goes; in production, the order's subscribers on every replica. */
    interface Push {
        void send(String orderId, TrackingMessages.Location location, Instant recordedAt);
    }

    private record Pending(TrackingMessages.Location location, Instant recordedAt) {
    }

    /** An open window of one order; {@code latest} is what its end will push, if anything arrived during it. */
    private static final class Window {
        Pending latest;
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
        this((orderId, location, recordedAt) -> subscribers.sendToAll(orderId, recordedAt, List.of(location)),
                config.locationPushInterval().toMillis());
    }

    LocationConflator(Push push, long intervalMillis) {
        this.push = push;
        this.intervalMillis = intervalMillis;
    }

    /** Blocking when it pushes at once: call from a worker thread. */
    public void offer(String orderId, TrackingMessages.Location location, Instant recordedAt) {
        Pending offered = new Pending(location, recordedAt);
        boolean[] opened = {false};
        windows.compute(orderId, (id, window) -> {
            if (window == null) {
                opened[0] = true;
                return new Window();
            }
            window.latest = offered;
            return window;
        });
        if (opened[0]) {
            pushAndScheduleEnd(orderId, offered);
        }
    }

    private void endWindow(String orderId) {
        Pending[] latest = {null};
        windows.compute(orderId, (id, window) -> {
            if (window == null || window.latest == null) {
                return null;
            }
            latest[0] = window.latest;
            return new Window();
        });
        if (latest[0] != null) {
            pushAndScheduleEnd(orderId, latest[0]);
        }
    }

    private void pushAndScheduleEnd(String orderId, Pending pending) {
        try {
            push.send(orderId, pending.location(), pending.recordedAt());
        } catch (RuntimeException e) {
            LOG.warnf("Location push for order %s failed: %s", orderId, e.getMessage());
        }
        windowEnds.schedule(() -> endWindow(orderId), intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        windowEnds.shutdownNow();
    }
}
