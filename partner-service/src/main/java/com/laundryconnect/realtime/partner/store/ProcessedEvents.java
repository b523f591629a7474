package com.laundryconnect.realtime.partner.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The CloudEvent ids already applied (contract 8: consumers are idempotent on {@code id}). */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the id (in the caller's transaction if there is one); false if it was recorded before, i.e. the event
     * is a redelivery. A concurrent first delivery of the same id waits here for the other transaction to end.
     */
    @Transactional
    public boolean firstDelivery(String eventId) {
        return entityManager.createNativeQuery(
                        "INSERT INTO processed_events (event_id) VALUES (:eventId) ON CONFLICT (event_id) DO NOTHING")
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }
}
