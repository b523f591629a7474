package com.laundryconnect.realtime.tracking.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vertx.core.json.JsonArray;

/** The idempotency ledger: a CloudEvent id is applied once, however often Kafka redelivers it. */
@ApplicationScoped
public class ProcessedEvents {

    /** In id order, so two batches recording some of the same ids lock them in the same order and never deadlock. */
    private static final String RECORD_NEW = """
            INSERT INTO processed_events (event_id)
            SELECT DISTINCT id FROM jsonb_array_elements_text(CAST(? AS jsonb)) AS ids(id) ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING event_id""";

    private final DataSource dataSource;

    public ProcessedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a batch's event ids in the caller's transaction, in one statement, and returns those recorded now: the
     * others were applied before (redeliveries). An id a concurrent transaction is recording makes this wait for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> recordFirstDeliveries(Collection<String> eventIds) {
        Set<String> recorded = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(RECORD_NEW)) {
            insert.setString(1, new JsonArray(List.copyOf(eventIds)).encode());
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording " + eventIds.size() + " event ids failed", e);
        }
        return recorded;
    }
}
