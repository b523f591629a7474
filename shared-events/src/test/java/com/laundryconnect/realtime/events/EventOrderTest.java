package com.laundryconnect.realtime.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.payload.OrderStatus;

class EventOrderTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void anyStatusSupersedesNoStatus() {
        assertTrue(EventOrder.statusSupersedes(OrderStatus.PENDING, null, null, null));
        assertTrue(EventOrder.statusSupersedes(OrderStatus.PENDING, T, null, null));
    }

    @Test
    void theEventTimeDecidesWhenBothEventsHaveOne() {
        assertTrue(EventOrder.statusSupersedes(OrderStatus.READY, T.plusSeconds(1), OrderStatus.OUT_FOR_DELIVERY, T),
                "a later event may move the status back, e.g. a failed delivery");
        assertFalse(EventOrder.statusSupersedes(OrderStatus.DELIVERED, T.minusSeconds(1), OrderStatus.PICKED_UP, T));
    }

    @Test
    void withoutBothTimesOrWithEqualTimesTheProgressionDecides() {
        assertTrue(EventOrder.statusSupersedes(OrderStatus.PICKED_UP, null, OrderStatus.CONFIRMED, T));
        assertFalse(EventOrder.statusSupersedes(OrderStatus.CONFIRMED, T, OrderStatus.PICKED_UP, null));
        assertFalse(EventOrder.statusSupersedes(OrderStatus.READY, T, OrderStatus.READY, T));
        assertTrue(EventOrder.statusSupersedes(OrderStatus.IN_PROCESS, T, OrderStatus.PICKED_UP, T));
    }

    @Test
    void cancelledEndsAnOrderAtAnyPointOfTheProgression() {
        for (OrderStatus status : OrderStatus.values()) {
            if (status != OrderStatus.CANCELLED) {
                assertTrue(EventOrder.statusSupersedes(OrderStatus.CANCELLED, null, status, null), status::name);
                assertFalse(EventOrder.statusSupersedes(status, null, OrderStatus.CANCELLED, null), status::name);
            }
        }
    }

    @Test
    void withoutProgressionTheLaterOrTheLastArrivingWins() {
        assertTrue(EventOrder.supersedes(T.plusMillis(1), T));
        assertFalse(EventOrder.supersedes(T, T));
        assertFalse(EventOrder.supersedes(T.minusSeconds(1), T));
        assertTrue(EventOrder.supersedes(null, T));
        assertTrue(EventOrder.supersedes(T, null));
    }
}
