package com.laundryconnect.realtime.tracking.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Reads and locks order views. */
@ApplicationScoped
public class OrderViews {

    private static final String ASSIGNMENTS =
            "SELECT order_id, partner_id FROM order_views WHERE order_id = ANY (?)";

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
        Map<String, Assignment> assignments = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(ASSIGNMENTS)) {
            select.setArray(1, connection.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assignments.put(rows.getString(1), new Assignment(rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the assignments of " + orderIds.size() + " orders failed", e);
        }
        return assignments;
    }

    /**
     * The views of these orders that exist, locked for this transaction in order id order, so that two transactions
     * applying events of one order run one after the other and two batches never deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, OrderView> lockAll(Collection<String> orderIds) {
        return OrderView.<OrderView>find("orderId in ?1", Sort.by("orderId"), orderIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(view -> view.orderId, Function.identity()));
    }
}
