package com.laundryconnect.realtime.tracking.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Reads and locks order views. */
@ApplicationScoped
public class OrderViews {

    @Transactional
    public Optional<OrderView> find(String orderId) {
        return Optional.ofNullable(OrderView.findById(orderId));
    }

    /** The view locked for this transaction, so that two events of one order are applied one after the other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderView> lock(String orderId) {
        return Optional.ofNullable(OrderView.findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }
}
