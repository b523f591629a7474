package com.laundryconnect.realtime.events;

import java.time.Instant;

import com.laundryconnect.realtime.events.payload.OrderStatus;

/**
 * The one rule by which every service that keeps a view of an order (tracking's and partner's) decides whether an
 * event that arrives now is newer than what the view already holds, since Kafka may deliver one order's events out
 * of order (a retried producer, a replay, the publish API racing a direct producer).
 *
 * <p>The CloudEvent {@code time} decides when both events carry one and they differ. Otherwise a status event is newer
 * only if its status is further along the order's progression (pending, confirmed, picked up, in process, ready, out
 * for delivery, delivered; cancelled last, as it ends an order at any point), so a status never moves back on
 * guesswork. For assignments and ETAs, which have no progression, the one that arrives last wins.
 */
public final class EventOrder {

    private EventOrder() {
    }

    public static boolean statusSupersedes(OrderStatus incoming, Instant incomingTime, OrderStatus current,
                                           Instant currentTime) {
        if (current == null) {
            return true;
        }
        if (incomingTime != null && currentTime != null && !incomingTime.equals(currentTime)) {
            return incomingTime.isAfter(currentTime);
        }
        return progress(incoming) > progress(current);
    }

    /** For fields without a progression: newer unless both times are known and the incoming one is not later. */
    public static boolean supersedes(Instant incomingTime, Instant currentTime) {
        return incomingTime == null || currentTime == null || incomingTime.isAfter(currentTime);
    }

    static int progress(OrderStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case CONFIRMED -> 1;
            case PICKED_UP -> 2;
            case IN_PROCESS -> 3;
            case READY -> 4;
            case OUT_FOR_DELIVERY -> 5;
            case DELIVERED -> 6;
            case CANCELLED -> 7;
        };
    }
}
