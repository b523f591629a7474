package com.laundryconnect.realtime.partner.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.vertx.core.json.JsonArray;

/** The CloudEvent ids already applied (contract 8: consumers are idempotent on {@code id}). */
@ApplicationScoped
public class ProcessedEvents {

    /** In id order, so two batches recording some of the same ids lock them in the same order and never deadlock. */
    private static final String RECORD_NEW = """
            INSERT INTO processed_events (event_id)
            SELECT DISTINCT id FROM jsonb_array_elements_text(CAST(? AS jsonb)) AS ids(id) ORDER BY id
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    private final JsonBatchStatements statements;

    public ProcessedEvents(JsonBatchStatements statements) {
        this.statements = statements;
    }

    /**
     * Records a batch's ids in one statement (in the caller's transaction if there is one) and returns those
     * recorded now; the others are redeliveries. An id a concurrent transaction is recording makes this wait for it.
     */
    @Transactional
    public Set<String> firstDeliveries(Collection<String> eventIds) {
        return new HashSet<>(statements.query(RECORD_NEW, new JsonArray(List.copyOf(eventIds)).encode(),
                row -> row.getString(1)));
    }
}
