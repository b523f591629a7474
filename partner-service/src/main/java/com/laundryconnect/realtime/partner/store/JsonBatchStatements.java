package com.laundryconnect.realtime.partner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a batch's statements, each taking the batch as one JSON parameter, over plain JDBC on the connection of the
 * caller's transaction (the data source enlists it). A profile at 1,000 partner events/s spent about 40 % of
 * partner-service's samples in Hibernate's query machinery around these few statements (BENCHMARKS.md section 17),
 * nearly all of it looking up and rebuilding query plans, none of it needed for SQL that is written out in full.
 */
@ApplicationScoped
class JsonBatchStatements {

    /** Reads one row of a statement's result; called once per row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    JsonBatchStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs a statement that returns rows, with the JSON text as its one parameter. */
    <T> List<T> query(String sql, String json, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, json);
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("A batch statement failed: " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns no rows, with the JSON text as its one parameter. */
    void update(String sql, String json) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, json);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A batch statement failed: " + e.getMessage(), e);
        }
    }
}
