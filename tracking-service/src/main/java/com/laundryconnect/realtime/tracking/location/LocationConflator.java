package com.laundryconnect.realtime.tracking.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
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
 *
 * <p>Windows are ended together, every {@link #TICK_MILLIS}, in one push for all the orders whose windows are due;
 * ending thousands of windows one push at a time kept a single thread waiting on Redis round trips. The window after
 * a due one starts at its due time, not when its push went out: timing each window from the moment of its push let
 * every window of an order reporting at the limit rate start a little later than the one before, so that its windows
 * stretched and a third of its locations were conflated away (BENCHMARKS.md, section 12). So an order's pushes are
 * decided at least {@code interval - TICK_MILLIS} apart, and at most one per interval over any run of windows. An
 * order reporting at exactly the limit rate keeps the phase its windows had when they started: if its locations later
 * reach this class sooner than the first one did, each waits for that difference, because catching up would take a
 * push above the rate.
 */
@ApplicationScoped
public class LocationConflator {

    private static final Logger LOG = Logger.getLogger(LocationConflator.class);
    /** How late a window may end: small against the contract's 500-ms interval, long enough to gather many ends. */
    static final long TICK_MILLIS = 10;

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

    /**
     * When an order's window ends. Kept in order of ends, so that a tick stops at the first end not yet due: the next
     * ends a tick queues (from their due times) may come before ends the intake queued during that tick's push.
     */
    private record WindowEnd(String orderId, long atNanos) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Queue<WindowEnd> windowEnds =
            new PriorityBlockingQueue<>(64, Comparator.comparingLong(WindowEnd::atNanos));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "location-conflation");
        thread.setDaemon(true);
        return thread;
    });
    private final Push push;
    private final long intervalNanos;
    private final long tickNanos = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);

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
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        ticker.scheduleWithFixedDelay(this::endDueWindows, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
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
        pushAndOpenWindows(openingWindows);
    }

    private void endDueWindows() {
        try {
            long now = System.nanoTime();
            List<Offered> latests = new ArrayList<>();
            List<WindowEnd> nextEnds = new ArrayList<>();
            for (WindowEnd due = windowEnds.peek(); due != null && due.atNanos() - now <= 0; due = windowEnds.peek()) {
                windowEnds.poll();
                Offered latest = endWindow(due.orderId());
                if (latest != null) {
                    latests.add(latest);
                    long nextEnd = Math.max(due.atNanos() + intervalNanos, now + intervalNanos - tickNanos);
                    nextEnds.add(new WindowEnd(due.orderId(), nextEnd));
                }
            }
            send(latests);
            windowEnds.addAll(nextEnds);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Ending location windows failed; the next tick tries again");
        }
    }

    /** Closes the order's window, or, when a location arrived during it, opens the next and returns that location. */
    private Offered endWindow(String orderId) {
        Offered[] latest = {null};
        windows.compute(orderId, (id, window) -> {
            if (window == null || window.latest == null) {
                return null;
            }
            latest[0] = window.latest;
            return new Window();
        });
        return latest[0];
    }

    private void pushAndOpenWindows(List<Offered> pushes) {
        long endAt = System.nanoTime() + intervalNanos;
        send(pushes);
        for (Offered pushed : pushes) {
            windowEnds.add(new WindowEnd(pushed.orderId(), endAt));
        }
    }

    private void send(List<Offered> pushes) {
        if (pushes.isEmpty()) {
            return;
        }
        try {
            push.send(pushes);
        } catch (RuntimeException e) {
            LOG.warnf("Location push for %d orders failed: %s", pushes.size(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
