package com.laundryconnect.realtime.tracking.push;

import java.util.regex.Pattern;

/**
 * The order ids a client can subscribe to. Ids are opaque (UUIDs or integers in practice); anything else in the path,
 * over-long or with characters outside this set, is refused like an unknown order and never reaches the database
 * or a routing key.
 */
public final class OrderIds {

    public static final int MAX_LENGTH = 128;
    private static final Pattern TRACKABLE = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_LENGTH + "}");

    private OrderIds() {
    }

    public static boolean isTrackable(String orderId) {
        return orderId != null && TRACKABLE.matcher(orderId).matches();
    }
}
