package com.laundryconnect.realtime.tracking.orders;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.EventOrder;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderEtaUpdated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;
import com.laundryconnect.realtime.tracking.TrackingMetrics;
import com.laundryconnect.realtime.tracking.push.TrackingMessages;
import com.laundryconnect.realtime.tracking.store.LockedViews;
import com.laundryconnect.realtime.tracking.store.OrderView;
import com.laundryconnect.realtime.tracking.store.OrderViews;
import com.laundryconnect.realtime.tracking.store.ProcessedEvents;

/**
 * Builds the order views from {@code laundry.orders.v1}: once per CloudEvent id, and so that an event older than
 * what a view holds never overwrites it ({@link EventOrder}). {@code order.status_changed} and {@code order.assigned}
 * create a view that does not exist yet; {@code order.created} then only fills in a status if none is known.
 */
@ApplicationScoped
public class OrderProjection {

    private static final Logger LOG = Logger.getLogger(OrderProjection.class);

    private final OrderViews views;
    private final ProcessedEvents processedEvents;
    private final TrackingMetrics metrics;

    public OrderProjection(OrderViews views, ProcessedEvents processedEvents, TrackingMetrics metrics) {
        this.views = views;
        this.processedEvents = processedEvents;
        this.metrics = metrics;
    }

    /** An event's messages for its order's subscribers, to be sent once the batch it came in has committed. */
    public record OrderChange(String orderId, Instant eventTime, List<Object> messages) {
    }

    /**
     * Applies a batch of events in one transaction, in the given order, and returns the messages they give: none for
     * a duplicate, a stale event or an event that changes nothing clients are shown; each duplicate (applied before)
     * goes to {@code appliedBefore}. The batch's ids are recorded in one statement and its orders' views read and
     * locked in one query.
     */
    @Transactional
    public List<OrderChange> apply(List<TypedEvent> events, Consumer<TypedEvent> appliedBefore) {
        Set<String> firstDeliveries = processedEvents.recordFirstDeliveries(
                events.stream().map(event -> event.envelope().id()).toList());
        LockedViews locked = views.lockAll(events.stream().map(TypedEvent::key).collect(Collectors.toSet()));
        List<OrderChange> changes = new ArrayList<>();
        for (TypedEvent event : events) {
            if (!firstDeliveries.remove(event.envelope().id())) {
                LOG.debugf("Skipping redelivered event %s", event.envelope().id());
                appliedBefore.accept(event);
                continue;
            }
            Instant time = instantOf(event.envelope().time());
            List<Object> messages = switch (event.payload()) {
                case OrderCreated created -> created(locked, created, time);
                case OrderStatusChanged changed -> statusChanged(locked, changed, time);
                case OrderAssigned assigned -> assigned(locked, assigned, time);
                case OrderEtaUpdated etaUpdated -> etaUpdated(locked, etaUpdated, time);
                default -> List.of();
            };
            if (!messages.isEmpty()) {
                changes.add(new OrderChange(event.key(), time, messages));
            }
        }
        views.write(locked);
        return changes;
    }

    private List<Object> created(LockedViews locked, OrderCreated created, Instant time) {
        OrderView view = locked.get(created.orderId());
        if (view == null) {
            view = newView(locked, created.orderId(), created.orderNumber(), created.customerId(), time);
            setStatus(view, created.status(), created.status().displayText(), time);
        } else if (view.status == null) {
            setStatus(view, created.status(), created.status().displayText(), time);
        }
        return List.of();
    }

    private List<Object> statusChanged(LockedViews locked, OrderStatusChanged changed, Instant time) {
        OrderView view = lockedOrNew(locked, changed.orderId(), changed.orderNumber(), changed.customerId(), time);
        if (!EventOrder.statusSupersedes(changed.status(), time, view.status, view.statusEventTime)) {
            LOG.infof("Order %s: ignoring status %s, older than the stored %s", changed.orderId(),
                    changed.status().wireValue(), view.status.wireValue());
            metrics.eventDropped("order.status_changed", "stale");
            return List.of();
        }
        setStatus(view, changed.status(), changed.statusDisplayOrDefault(), time);
        Instant updatedAt = time == null ? now() : time;
        return List.of(new TrackingMessages.OrderUpdate(new TrackingMessages.Update(
                view.orderId, view.orderNumber, changed.status().wireValue(), changed.statusDisplayOrDefault(),
                changed.previousStatus().wireValue(), changed.note(), updatedAt)));
    }

    private List<Object> assigned(LockedViews locked, OrderAssigned assigned, Instant time) {
        OrderView view = lockedOrNew(locked, assigned.orderId(), assigned.orderNumber(), assigned.customerId(), time);
        if (view.partnerId != null && !EventOrder.supersedes(time, view.assignedEventTime)) {
            LOG.infof("Order %s: ignoring an assignment older than the stored one", assigned.orderId());
            metrics.eventDropped("order.assigned", "stale");
            return List.of();
        }
        view.partnerId = assigned.partnerId();
        view.partnerName = assigned.partnerName();
        view.assignedEventTime = time;
        view.touch(time == null ? now() : time);
        return List.of();
    }

    private List<Object> etaUpdated(LockedViews locked, OrderEtaUpdated etaUpdated, Instant time) {
        OrderView view = locked.get(etaUpdated.orderId());
        if (view == null) {
            LOG.infof("Dropping an ETA for unknown order %s", etaUpdated.orderId());
            metrics.eventDropped("order.eta_updated", "unknown_order");
            return List.of();
        }
        if (view.eta != null && !EventOrder.supersedes(time, view.etaEventTime)) {
            LOG.infof("Order %s: ignoring an ETA older than the stored one", etaUpdated.orderId());
            metrics.eventDropped("order.eta_updated", "stale");
            return List.of();
        }
        view.eta = etaUpdated.eta().toInstant();
        view.etaEventTime = time;
        view.touch(time == null ? now() : time);
        return List.of(new TrackingMessages.EtaUpdate(view.eta, minutesUntil(view.eta)));
    }

    private static OrderView lockedOrNew(LockedViews locked, String orderId, String orderNumber,
                                         String customerId, Instant time) {
        OrderView view = locked.get(orderId);
        return view != null ? view : newView(locked, orderId, orderNumber, customerId, time);
    }

    /** A new view, stored with the batch's others at its end; the batch's later events of its order see it. */
    private static OrderView newView(LockedViews locked, String orderId, String orderNumber,
                                     String customerId, Instant time) {
        OrderView view = locked.create(orderId);
        view.orderNumber = orderNumber;
        view.customerId = customerId;
        view.touch(time == null ? now() : time);
        return view;
    }

    private static void setStatus(OrderView view, OrderStatus status, String display, Instant time) {
        view.status = status;
        view.statusDisplay = display;
        view.statusEventTime = time;
        view.touch(time == null ? now() : time);
    }

    /** Whole minutes from now until the ETA, rounded up, never negative. */
    public static long minutesUntil(Instant eta) {
        long seconds = Duration.between(Instant.now(), eta).toSeconds();
        return seconds <= 0 ? 0 : (seconds + 59) / 60;
    }

    private static Instant instantOf(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
