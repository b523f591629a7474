package com.laundryconnect.realtime.tracking.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.vertx.core.json.JsonArray;

/** The idempotency ledger: a CloudEvent id is applied once, however often Kafka redelivers it. */
@ApplicationScoped
public class ProcessedEvents {

    /** In id order, so two batches recording some of the same ids lock them in the same order and never deadlock. */
    private static final String RECORD_NEW = """
            INSERT INTO processed_events (event_id)
            SELECT DISTINCT id FROM jsonb_array_elements_text(CAST(?1 AS jsonb)) AS ids(id) ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING event_id""";

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records a batch's event ids in the caller's transaction, in one statement, and returns those recorded now: the
     * others were applied before (redeliveries). An id a concurrent transaction is recording makes this wait for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> recordFirstDeliveries(Collection<String> eventIds) {
        Set<String> recorded = new HashSet<>();
        for (Object id : entityManager.createNativeQuery(RECORD_NEW, String.class)
                .setParameter(1, new JsonArray(List.copyOf(eventIds)).encode()).getResultList()) {
            recorded.add((String) id);
        }
        return recorded;
    }
}
