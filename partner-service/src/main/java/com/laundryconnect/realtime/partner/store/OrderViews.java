package com.laundryconnect.realtime.partner.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.events.EventOrder;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Keeps {@link OrderView}s from laundry.orders.v1, idempotent on the event id. A batch reads and locks its orders'
 * views in one query (in order id order, so two batches never deadlock), applies its events to them in memory, and
 * writes the stored views back in one statement and inserts the new ones in another. Events may arrive out of order
 * (contract 11): any of them creates the view, and a late {@code order.created} only fills in what is missing. A
 * status or an assignment older than the one the view holds is ignored, by the rule tracking-service follows too
 * ({@link EventOrder}): a late {@code order.status_changed} never moves an order back nor re-assigns it. One order's
 * events are on one partition, and a replica that reads them again (after a rebalance) waits on their ids in
 * {@code processed_events} before it locks any view; should a new view's insert still meet one inserted meanwhile,
 * the transaction fails and the intake applies the batch again, finding the view.
 */
@ApplicationScoped
public class OrderViews {

    private static final Logger LOG = Logger.getLogger(OrderViews.class);
    private static final Set<String> FINISHED =
            Set.of(OrderStatus.DELIVERED.wireValue(), OrderStatus.CANCELLED.wireValue());

    /** The columns of a view, and their types in the JSON rows a batch writes. */
    private static final String COLUMNS = """
            order_id, order_number, customer_id, pickup_address, items_count, total_amount, currency, scheduled_pickup,
            created_at, status, assigned_partner_id, status_event_time, assigned_event_time, updated_at""";
    private static final String ROW_TYPE = """
            order_id text, order_number text, customer_id text, pickup_address text, items_count int,
            total_amount numeric, currency text, scheduled_pickup timestamptz, created_at timestamptz, status text,
            assigned_partner_id text, status_event_time timestamptz, assigned_event_time timestamptz,
            updated_at timestamptz""";

    private static final String LOCK = """
            SELECT %s FROM order_views
            WHERE order_id IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))
            ORDER BY order_id FOR UPDATE""".formatted(COLUMNS);

    private static final String UPDATE_STORED = """
            UPDATE order_views AS view SET order_number = given.order_number, customer_id = given.customer_id,
                pickup_address = given.pickup_address, items_count = given.items_count,
                total_amount = given.total_amount, currency = given.currency,
                scheduled_pickup = given.scheduled_pickup, created_at = given.created_at, status = given.status,
                assigned_partner_id = given.assigned_partner_id, status_event_time = given.status_event_time,
                assigned_event_time = given.assigned_event_time, updated_at = given.updated_at
            FROM jsonb_to_recordset(CAST(? AS jsonb)) AS given(%s)
            WHERE view.order_id = given.order_id""".formatted(ROW_TYPE);

    /** In order id order, as the locks are taken. */
    private static final String INSERT_CREATED = """
            INSERT INTO order_views (%s)
            SELECT %s FROM jsonb_to_recordset(CAST(? AS jsonb)) AS given(%s)
            ORDER BY order_id""".formatted(COLUMNS, COLUMNS, ROW_TYPE);

    private final ProcessedEvents processedEvents;
    private final JsonBatchStatements statements;

    public OrderViews(ProcessedEvents processedEvents, JsonBatchStatements statements) {
        this.processedEvents = processedEvents;
        this.statements = statements;
    }

    /**
     * An order newly assigned to a partner, for their {@code new_order} once the batch has committed. {@code view} is
     * the order as the assignment left it, a copy that later events of the batch do not change.
     */
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
        BatchViews views = new BatchViews(lockAll(events.stream().map(TypedEvent::key).collect(Collectors.toSet())));
        List<Assignment> assignments = new ArrayList<>();
        for (TypedEvent event : events) {
            if (!firstDeliveries.remove(event.envelope().id())) {
                appliedBefore.accept(event);
                continue;
            }
            OffsetDateTime time = event.envelope().time();
            switch (event.payload()) {
                case OrderCreated created -> recordCreated(views, time, created);
                case OrderAssigned assigned -> recordAssigned(views, time, assigned)
                        .ifPresent(view -> assignments.add(new Assignment(assigned.partnerId(), view, time)));
                case OrderStatusChanged changed -> recordStatusChanged(views, time, changed);
                default -> {
                }
            }
        }
        views.write();
        return assignments;
    }

    /** The views of these orders that exist, by order id, locked for this transaction in order id order. */
    private Map<String, OrderView> lockAll(Collection<String> orderIds) {
        return statements.query(LOCK, new JsonArray(List.copyOf(orderIds)).encode(), OrderViews::read).stream()
                .collect(Collectors.toMap(view -> view.orderId, Function.identity()));
    }

    private static OrderView read(ResultSet row) throws SQLException {
        OrderView view = new OrderView();
        view.orderId = row.getString("order_id");
        view.orderNumber = row.getString("order_number");
        view.customerId = row.getString("customer_id");
        view.pickupAddress = row.getString("pickup_address");
        view.itemsCount = row.getObject("items_count", Integer.class);
        view.totalAmount = row.getBigDecimal("total_amount");
        view.currency = row.getString("currency");
        view.scheduledPickup = row.getObject("scheduled_pickup", OffsetDateTime.class);
        view.createdAt = row.getObject("created_at", OffsetDateTime.class);
        view.status = row.getString("status");
        view.assignedPartnerId = row.getString("assigned_partner_id");
        view.statusEventTime = row.getObject("status_event_time", OffsetDateTime.class);
        view.assignedEventTime = row.getObject("assigned_event_time", OffsetDateTime.class);
        view.updatedAt = row.getObject("updated_at", OffsetDateTime.class);
        return view;
    }

    /** The views as one JSON array, the parameter of {@link #UPDATE_STORED} and {@link #INSERT_CREATED}. */
    private static String rows(Collection<OrderView> views) {
        JsonArray rows = new JsonArray();
        for (OrderView view : views) {
            rows.add(new JsonObject()
                    .put("order_id", view.orderId)
                    .put("order_number", view.orderNumber)
                    .put("customer_id", view.customerId)
                    .put("pickup_address", view.pickupAddress)
                    .put("items_count", view.itemsCount)
                    .put("total_amount", view.totalAmount == null ? null : view.totalAmount.toPlainString())
                    .put("currency", view.currency)
                    .put("scheduled_pickup", text(view.scheduledPickup))
                    .put("created_at", text(view.createdAt))
                    .put("status", view.status)
                    .put("assigned_partner_id", view.assignedPartnerId)
                    .put("status_event_time", text(view.statusEventTime))
                    .put("assigned_event_time", text(view.assignedEventTime))
                    .put("updated_at", text(view.updatedAt)));
        }
        return rows.encode();
    }

    private static String text(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

    /** Fills in what the view does not know yet; creates it if it does not exist. */
    private static void recordCreated(BatchViews views, OffsetDateTime eventTime, OrderCreated created) {
        OrderView view = views.storedOrNew(created.orderId());
        view.orderNumber = firstKnown(view.orderNumber, created.orderNumber());
        view.customerId = firstKnown(view.customerId, created.customerId());
        view.pickupAddress = firstKnown(view.pickupAddress, created.pickupAddress());
        view.itemsCount = firstKnown(view.itemsCount, created.itemsCount());
        view.totalAmount = firstKnown(view.totalAmount, created.totalAmount());
        view.currency = firstKnown(view.currency, created.currency());
        view.scheduledPickup = firstKnown(view.scheduledPickup, created.scheduledPickup());
        view.createdAt = firstKnown(view.createdAt, eventTime);
        view.status = firstKnown(view.status, created.status().wireValue());
        view.updatedAt = OffsetDateTime.now();
    }

    /**
     * Assigns the order to the event's partner (replacing an earlier assignment; nobody, once the order is delivered or
     * cancelled) and returns a copy of the view with the event's details where it has them and what was known before
     * where it does not; nothing when the view already holds a newer assignment.
     */
    private static Optional<OrderView> recordAssigned(BatchViews views, OffsetDateTime eventTime,
                                                      OrderAssigned assigned) {
        OrderView current = views.stored(assigned.orderId());
        if (current != null && !EventOrder.supersedes(instant(eventTime), instant(current.assignedEventTime))) {
            LOG.infof("Order %s: ignoring an assignment older than the stored one", assigned.orderId());
            return Optional.empty();
        }
        OrderView view = views.storedOrNew(assigned.orderId());
        view.orderNumber = assigned.orderNumber();
        view.customerId = assigned.customerId();
        view.pickupAddress = firstKnown(assigned.pickupAddress(), view.pickupAddress);
        view.itemsCount = firstKnown(assigned.itemsCount(), view.itemsCount);
        view.totalAmount = firstKnown(assigned.totalAmount(), view.totalAmount);
        view.currency = firstKnown(assigned.currency(), view.currency);
        view.scheduledPickup = firstKnown(assigned.scheduledPickup(), view.scheduledPickup);
        view.assignedPartnerId = isFinished(view.status) ? null : assigned.partnerId();
        view.assignedEventTime = eventTime;
        view.updatedAt = OffsetDateTime.now();
        return Optional.of(view.copy());
    }

    /**
     * Sets the event's status unless the view holds a newer one. A delivered or cancelled order is no longer assigned
     * to anyone; otherwise the event's partner has it, unless the view holds an assignment newer than the event.
     */
    private static void recordStatusChanged(BatchViews views, OffsetDateTime eventTime,
                                            OrderStatusChanged changed) {
        OrderView current = views.stored(changed.orderId());
        Instant time = instant(eventTime);
        OrderStatus currentStatus = current == null || current.status == null
                ? null : OrderStatus.fromWireValue(current.status).orElse(null);
        if (current != null
                && !EventOrder.statusSupersedes(changed.status(), time, currentStatus, instant(current.statusEventTime))) {
            LOG.infof("Order %s: ignoring status %s, older than the stored %s", changed.orderId(),
                    changed.status().wireValue(), current.status);
            return;
        }
        boolean finished = isFinished(changed.status().wireValue());
        boolean assignmentIsNewer = current != null && !EventOrder.supersedes(time, instant(current.assignedEventTime));
        OrderView view = views.storedOrNew(changed.orderId());
        view.orderNumber = changed.orderNumber();
        view.customerId = changed.customerId();
        view.status = changed.status().wireValue();
        view.statusEventTime = eventTime;
        if (!assignmentIsNewer) {
            view.assignedEventTime = eventTime;
        }
        view.assignedPartnerId = finished ? null : assignmentIsNewer ? view.assignedPartnerId : changed.partnerId();
        view.updatedAt = OffsetDateTime.now();
    }

    /**
     * A batch's views: those stored, locked, and those the batch creates. At the end of the batch the stored ones are
     * written back in one statement and the new ones inserted, complete, in another.
     */
    private final class BatchViews {

        private final Map<String, OrderView> views;
        private final List<OrderView> stored;
        private final List<OrderView> created = new ArrayList<>();

        BatchViews(Map<String, OrderView> locked) {
            this.views = locked;
            this.stored = List.copyOf(locked.values());
        }

        /** The order's view as the batch has it so far, or null for an order not seen yet. */
        OrderView stored(String orderId) {
            return views.get(orderId);
        }

        OrderView storedOrNew(String orderId) {
            return views.computeIfAbsent(orderId, id -> {
                OrderView view = new OrderView();
                view.orderId = id;
                created.add(view);
                return view;
            });
        }

        void write() {
            if (!stored.isEmpty()) {
                statements.update(UPDATE_STORED, rows(stored));
            }
            if (!created.isEmpty()) {
                statements.update(INSERT_CREATED, rows(created));
            }
        }
    }

    /** Delivered and cancelled orders are assigned to nobody. */
    private static boolean isFinished(String status) {
        return status != null && FINISHED.contains(status);
    }

    private static <T> T firstKnown(T first, T second) {
        return first != null ? first : second;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Transactional
    public boolean isAssignedTo(String orderId, String partnerId) {
        return OrderView.count("orderId = ?1 and assignedPartnerId = ?2", orderId, partnerId) > 0;
    }
}
