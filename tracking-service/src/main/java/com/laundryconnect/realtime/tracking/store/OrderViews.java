package com.laundryconnect.realtime.tracking.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.OrderStatus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Reads and locks order views. */
@ApplicationScoped
public class OrderViews {

    private static final String ASSIGNMENTS =
            "SELECT order_id, partner_id FROM order_views WHERE order_id = ANY (?)";

    /** The columns of a view, and their types in the JSON rows a batch writes. */
    private static final String COLUMNS = """
            order_id, order_number, customer_id, status, status_display, status_event_time, partner_id, partner_name,
            assigned_event_time, eta, eta_event_time, updated_at""";
    private static final String ROW_TYPE = """
            order_id text, order_number text, customer_id text, status text, status_display text,
            status_event_time timestamptz, partner_id text, partner_name text, assigned_event_time timestamptz,
            eta timestamptz, eta_event_time timestamptz, updated_at timestamptz""";

    private static final String LOCK = """
            SELECT %s FROM order_views WHERE order_id = ANY (?)
            ORDER BY order_id FOR UPDATE""".formatted(COLUMNS);

    private static final String UPDATE_STORED = """
            UPDATE order_views AS view SET order_number = given.order_number, customer_id = given.customer_id,
                status = given.status, status_display = given.status_display,
                status_event_time = given.status_event_time, partner_id = given.partner_id,
                partner_name = given.partner_name, assigned_event_time = given.assigned_event_time, eta = given.eta,
                eta_event_time = given.eta_event_time, updated_at = given.updated_at
            FROM jsonb_to_recordset(CAST(? AS jsonb)) AS given(%s)
            WHERE view.order_id = given.order_id""".formatted(ROW_TYPE);

    /** In order id order, as the locks are taken. */
    private static final String INSERT_CREATED = """
            INSERT INTO order_views (%s)
            SELECT %s FROM jsonb_to_recordset(CAST(? AS jsonb)) AS given(%s)
            ORDER BY order_id""".formatted(COLUMNS, COLUMNS, ROW_TYPE);

    /** Who is assigned to an existing order: {@code partnerId} is null until a partner is. */
    public record Assignment(String partnerId) {

        public boolean isAssignedPartner(String userId) {
            return partnerId != null && partnerId.equals(userId);
        }
    }

    private final DataSource dataSource;

    public OrderViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public Optional<OrderView> find(String orderId) {
        return Optional.ofNullable(OrderView.findById(orderId));
    }

    /**
     * The assignments of these orders that exist, by order id, in one query. Every batch of locations asks this, so it
     * reads the two columns it needs over plain JDBC, outside a transaction: loading whole entities into a persistence
     * context checked for changes at commit was a fifth of tracking-service's samples at 4,000 locations/s.
     */
    public Map<String, Assignment> assignments(Collection<String> orderIds) {
        return byOrderId(ASSIGNMENTS, orderIds, row -> new Assignment(row.getString("partner_id")),
                "Reading the assignments");
    }

    /**
     * The views of these orders that exist, locked for this transaction in order id order, so that two transactions
     * applying events of one order run one after the other and two batches never deadlock. Plain JDBC on the
     * transaction's connection, as {@link #write}: through Hibernate, the IN-list query was re-interpreted for every
     * batch and the views checked for changes at commit, about half of tracking-service's samples at 500 order
     * events/s (BENCHMARKS.md section 17).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LockedViews lockAll(Collection<String> orderIds) {
        return new LockedViews(byOrderId(LOCK, orderIds, OrderViews::read, "Locking the views"));
    }

    /** Reads one row of a query's result. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs a query over these orders (its one parameter, as a text array) and keeps its rows by their order id. */
    private <T> Map<String, T> byOrderId(String sql, Collection<String> orderIds, RowReader<T> reader, String what) {
        Map<String, T> rowsByOrder = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rowsByOrder.put(rows.getString("order_id"), reader.read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " of " + orderIds.size() + " orders failed", e);
        }
        return rowsByOrder;
    }

    /** Writes a batch's stored views back in one statement and inserts its new ones in another. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(LockedViews views) {
        try (Connection connection = dataSource.getConnection()) {
            if (!views.stored().isEmpty()) {
                execute(connection, UPDATE_STORED, views.stored());
            }
            if (!views.created().isEmpty()) {
                execute(connection, INSERT_CREATED, views.created());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Writing a batch's order views failed", e);
        }
    }

    private static void execute(Connection connection, String sql, List<OrderView> views) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, rows(views));
            statement.executeUpdate();
        }
    }

    private static OrderView read(ResultSet row) throws SQLException {
        OrderView view = new OrderView();
        view.orderId = row.getString("order_id");
        view.orderNumber = row.getString("order_number");
        view.customerId = row.getString("customer_id");
        String status = row.getString("status");
        view.status = status == null ? null : OrderStatus.valueOf(status);
        view.statusDisplay = row.getString("status_display");
        view.statusEventTime = instant(row, "status_event_time");
        view.partnerId = row.getString("partner_id");
        view.partnerName = row.getString("partner_name");
        view.assignedEventTime = instant(row, "assigned_event_time");
        view.eta = instant(row, "eta");
        view.etaEventTime = instant(row, "eta_event_time");
        view.updatedAt = instant(row, "updated_at");
        return view;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The views as one JSON array, the parameter of {@link #UPDATE_STORED} and {@link #INSERT_CREATED}. */
    private static String rows(List<OrderView> views) {
        JsonArray rows = new JsonArray();
        for (OrderView view : views) {
            rows.add(new JsonObject()
                    .put("order_id", view.orderId)
                    .put("order_number", view.orderNumber)
                    .put("customer_id", view.customerId)
                    .put("status", view.status == null ? null : view.status.name())
                    .put("status_display", view.statusDisplay)
                    .put("status_event_time", text(view.statusEventTime))
                    .put("partner_id", view.partnerId)
                    .put("partner_name", view.partnerName)
                    .put("assigned_event_time", text(view.assignedEventTime))
                    .put("eta", text(view.eta))
                    .put("eta_event_time", text(view.etaEventTime))
                    .put("updated_at", text(view.updatedAt)));
        }
        return rows.encode();
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }
}
