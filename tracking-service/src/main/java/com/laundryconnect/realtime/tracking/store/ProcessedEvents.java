package com.laundryconnect.realtime.tracking.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The idempotency ledger: a CloudEvent id is applied once, however often Kafka redelivers it. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event id in the caller's transaction. Returns false when it was recorded before, i.e. the event is a
     * duplicate; a concurrent first delivery makes this wait for that transaction and then answer false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String eventId) {
        return entityManager.createNativeQuery("INSERT INTO processed_events (event_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .executeUpdate() == 1;
    }
}
