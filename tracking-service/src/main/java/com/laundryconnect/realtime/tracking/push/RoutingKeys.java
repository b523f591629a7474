package com.laundryconnect.realtime.tracking.push;

/** The keys under which tracking sessions are registered with {@code Sessions}, on every replica. */
public final class RoutingKeys {

    private RoutingKeys() {
    }

    /** Every session tracking the order: its customer's, its partner's, staff's. */
    public static String order(String orderId) {
        return "order:" + orderId;
    }

    /** Only the order's customer's sessions, which receive the partner's chat messages. */
    public static String orderCustomer(String orderId) {
        return "order-customer:" + orderId;
    }
}
