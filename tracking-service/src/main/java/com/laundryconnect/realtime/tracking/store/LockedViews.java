package com.laundryconnect.realtime.tracking.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch's order views: those stored, locked for its transaction ({@link OrderViews#lockAll}), and those it creates.
 * The batch changes them in memory; {@link OrderViews#write} stores them all at its end, in two statements.
 */
public final class LockedViews {

    private final Map<String, OrderView> views;
    private final List<OrderView> stored;
    private final List<OrderView> created = new ArrayList<>();

    LockedViews(Map<String, OrderView> locked) {
        this.views = locked;
        this.stored = List.copyOf(locked.values());
    }

    /** The order's view as the batch has it so far, or null for an order neither stored nor created yet. */
    public OrderView get(String orderId) {
        return views.get(orderId);
    }

    /** A new, empty view of an order not seen yet, which the batch's later events of that order find. */
    public OrderView create(String orderId) {
        OrderView view = new OrderView();
        view.orderId = orderId;
        views.put(orderId, view);
        created.add(view);
        return view;
    }

    List<OrderView> stored() {
        return stored;
    }

    List<OrderView> created() {
        return created;
    }
}
