package com.laundryconnect.realtime.tracking.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Reads and locks order views. */
@ApplicationScoped
public class OrderViews {

    @Transactional
    public Optional<OrderView> find(String orderId) {
        return Optional.ofNullable(OrderView.findById(orderId));
    }

    /** The views of these orders that exist, by order id, in one query. */
    @Transactional
    public Map<String, OrderView> findAll(Collection<String> orderIds) {
        return OrderView.<OrderView>list("orderId in ?1", orderIds).stream()
                .collect(Collectors.toMap(view -> view.orderId, Function.identity()));
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
