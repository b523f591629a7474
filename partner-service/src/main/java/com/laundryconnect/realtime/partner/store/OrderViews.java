package com.laundryconnect.realtime.partner.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.EventOrder;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;

/**
 * Keeps {@link OrderView}s from laundry.orders.v1, idempotent on the event id. Each change is one upsert, so two
 * replicas applying events of one order never fail on each other's insert. Events may arrive out of order
 * (contract 11): any of them creates the view, and a late {@code order.created} only fills in what is missing. A
 * status or an assignment older than the one the view holds is ignored, by the rule tracking-service follows too
 * ({@link EventOrder}): a late {@code order.status_changed} never moves an order back nor re-assigns it.
 */
@ApplicationScoped
public class OrderViews {

    private static final Logger LOG = Logger.getLogger(OrderViews.class);

    private final EntityManager entityManager;
    private final ProcessedEvents processedEvents;

    public OrderViews(EntityManager entityManager, ProcessedEvents processedEvents) {
        this.entityManager = entityManager;
        this.processedEvents = processedEvents;
    }

    /** An order newly assigned to a partner, for their {@code new_order} once the batch has committed. */
    public record Assignment(String partnerId, OrderView view, OffsetDateTime eventTime) {
    }

    /**
     * Applies a batch of order events in one transaction, in the given order, skipping those applied before (the
     * batch's ids are recorded in one statement; each skipped event goes to {@code appliedBefore}), and returns the
     * assignments it made.
     */
    @Transactional
    public List<Assignment> apply(List<TypedEvent> events, Consumer<TypedEvent> appliedBefore) {
        Set<String> firstDeliveries = processedEvents.firstDeliveries(
                events.stream().map(event -> event.envelope().id()).toList());
        List<Assignment> assignments = new ArrayList<>();
        for (TypedEvent event : events) {
            if (!firstDeliveries.remove(event.envelope().id())) {
                appliedBefore.accept(event);
                continue;
            }
            OffsetDateTime time = event.envelope().time();
            switch (event.payload()) {
                case OrderCreated created -> recordCreated(time, created);
                case OrderAssigned assigned -> recordAssigned(time, assigned)
                        .ifPresent(view -> assignments.add(new Assignment(assigned.partnerId(), view, time)));
                case OrderStatusChanged changed -> recordStatusChanged(time, changed);
                default -> {
                }
            }
        }
        return assignments;
    }

    private void recordCreated(OffsetDateTime eventTime, OrderCreated created) {
        query("""
                INSERT INTO order_views (order_id, order_number, customer_id, pickup_address, items_count, total_amount,
                                         currency, scheduled_pickup, created_at, status)
                VALUES (:orderId, :orderNumber, :customerId, :pickupAddress, :itemsCount, :totalAmount,
                        :currency, :scheduledPickup, :createdAt, :status)
                ON CONFLICT (order_id) DO UPDATE SET
                    order_number = COALESCE(order_views.order_number, EXCLUDED.order_number),
                    customer_id = COALESCE(order_views.customer_id, EXCLUDED.customer_id),
                    pickup_address = COALESCE(order_views.pickup_address, EXCLUDED.pickup_address),
                    items_count = COALESCE(order_views.items_count, EXCLUDED.items_count),
                    total_amount = COALESCE(order_views.total_amount, EXCLUDED.total_amount),
                    currency = COALESCE(order_views.currency, EXCLUDED.currency),
                    scheduled_pickup = COALESCE(order_views.scheduled_pickup, EXCLUDED.scheduled_pickup),
                    created_at = COALESCE(order_views.created_at, EXCLUDED.created_at),
                    status = COALESCE(order_views.status, EXCLUDED.status),
                    updated_at = now()""")
                .setParameter("orderId", created.orderId())
                .setParameter("orderNumber", created.orderNumber())
                .setParameter("customerId", created.customerId())
                .setParameter("pickupAddress", created.pickupAddress(), String.class)
                .setParameter("itemsCount", created.itemsCount(), Integer.class)
                .setParameter("totalAmount", created.totalAmount(), BigDecimal.class)
                .setParameter("currency", created.currency(), String.class)
                .setParameter("scheduledPickup", created.scheduledPickup(), OffsetDateTime.class)
                .setParameter("createdAt", eventTime, OffsetDateTime.class)
                .setParameter("status", created.status().wireValue())
                .executeUpdate();
    }

    /**
     * Assigns the order to the event's partner (replacing an earlier assignment) and returns the view with the
     * event's details where it has them and what was known before where it does not; nothing when the view already
     * holds a newer assignment.
     */
    private Optional<OrderView> recordAssigned(OffsetDateTime eventTime, OrderAssigned assigned) {
        OrderView current = lockedCurrent(assigned.orderId());
        if (current != null && !EventOrder.supersedes(instant(eventTime), instant(current.assignedEventTime))) {
            LOG.infof("Order %s: ignoring an assignment older than the stored one", assigned.orderId());
            return Optional.empty();
        }
        OrderView view = (OrderView) query("""
                INSERT INTO order_views (order_id, order_number, customer_id, pickup_address, items_count, total_amount,
                                         currency, scheduled_pickup, assigned_partner_id, assigned_event_time)
                VALUES (:orderId, :orderNumber, :customerId, :pickupAddress, :itemsCount, :totalAmount,
                        :currency, :scheduledPickup, :partnerId, :assignedAt)
                ON CONFLICT (order_id) DO UPDATE SET
                    order_number = EXCLUDED.order_number,
                    customer_id = EXCLUDED.customer_id,
                    pickup_address = COALESCE(EXCLUDED.pickup_address, order_views.pickup_address),
                    items_count = COALESCE(EXCLUDED.items_count, order_views.items_count),
                    total_amount = COALESCE(EXCLUDED.total_amount, order_views.total_amount),
                    currency = COALESCE(EXCLUDED.currency, order_views.currency),
                    scheduled_pickup = COALESCE(EXCLUDED.scheduled_pickup, order_views.scheduled_pickup),
                    assigned_partner_id = CASE WHEN order_views.status IN ('delivered', 'cancelled') THEN NULL
                                               ELSE EXCLUDED.assigned_partner_id END,
                    assigned_event_time = EXCLUDED.assigned_event_time,
                    updated_at = now()
                RETURNING *""", OrderView.class)
                .setParameter("orderId", assigned.orderId())
                .setParameter("orderNumber", assigned.orderNumber())
                .setParameter("customerId", assigned.customerId())
                .setParameter("pickupAddress", assigned.pickupAddress(), String.class)
                .setParameter("itemsCount", assigned.itemsCount(), Integer.class)
                .setParameter("totalAmount", assigned.totalAmount(), BigDecimal.class)
                .setParameter("currency", assigned.currency(), String.class)
                .setParameter("scheduledPickup", assigned.scheduledPickup(), OffsetDateTime.class)
                .setParameter("partnerId", assigned.partnerId())
                .setParameter("assignedAt", eventTime, OffsetDateTime.class)
                .getSingleResult();
        // Detached, so that a later assignment of the same order in this batch reads its own row, not this instance.
        entityManager.detach(view);
        return Optional.of(view);
    }

    /**
     * Sets the event's status unless the view holds a newer one. A delivered or cancelled order is no longer assigned
     * to anyone; otherwise the event's partner has it, unless the view holds an assignment newer than the event.
     */
    private void recordStatusChanged(OffsetDateTime eventTime, OrderStatusChanged changed) {
        OrderView current = lockedCurrent(changed.orderId());
        Instant time = instant(eventTime);
        OrderStatus currentStatus = current == null || current.status == null
                ? null : OrderStatus.fromWireValue(current.status).orElse(null);
        if (current != null
                && !EventOrder.statusSupersedes(changed.status(), time, currentStatus, instant(current.statusEventTime))) {
            LOG.infof("Order %s: ignoring status %s, older than the stored %s", changed.orderId(),
                    changed.status().wireValue(), current.status);
            return;
        }
        boolean finished = changed.status() == OrderStatus.DELIVERED || changed.status() == OrderStatus.CANCELLED;
        boolean assignmentIsNewer = current != null && !EventOrder.supersedes(time, instant(current.assignedEventTime));
        String partnerId = finished ? null : assignmentIsNewer ? current.assignedPartnerId : changed.partnerId();
        OffsetDateTime assignedAt = assignmentIsNewer ? current.assignedEventTime : eventTime;
        query("""
                INSERT INTO order_views (order_id, order_number, customer_id, status, status_event_time,
                                         assigned_partner_id, assigned_event_time)
                VALUES (:orderId, :orderNumber, :customerId, :status, :statusAt, :partnerId, :assignedAt)
                ON CONFLICT (order_id) DO UPDATE SET
                    order_number = EXCLUDED.order_number,
                    customer_id = EXCLUDED.customer_id,
                    status = EXCLUDED.status,
                    status_event_time = EXCLUDED.status_event_time,
                    assigned_partner_id = EXCLUDED.assigned_partner_id,
                    assigned_event_time = EXCLUDED.assigned_event_time,
                    updated_at = now()""")
                .setParameter("orderId", changed.orderId())
                .setParameter("orderNumber", changed.orderNumber())
                .setParameter("customerId", changed.customerId())
                .setParameter("status", changed.status().wireValue())
                .setParameter("statusAt", eventTime, OffsetDateTime.class)
                .setParameter("partnerId", partnerId, String.class)
                .setParameter("assignedAt", assignedAt, OffsetDateTime.class)
                .executeUpdate();
    }

    /**
     * The order's view as stored, its row locked until the transaction ends, or null for an order not seen yet.
     * Detached, so that a later event of the same order in this batch reads the row again, with this one's change.
     */
    private OrderView lockedCurrent(String orderId) {
        OrderView current = entityManager.find(OrderView.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (current != null) {
            entityManager.detach(current);
        }
        return current;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Transactional
    public boolean isAssignedTo(String orderId, String partnerId) {
        return OrderView.count("orderId = ?1 and assignedPartnerId = ?2", orderId, partnerId) > 0;
    }

    /** A native query whose parameters can be bound with their Java type, so that a null gets its column's SQL type. */
    @SuppressWarnings("unchecked")
    private NativeQuery<Object> query(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object> query(String sql, Class<?> resultClass) {
        return entityManager.createNativeQuery(sql, resultClass).unwrap(NativeQuery.class);
    }
}
