package com.laundryconnect.realtime.partner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventType;
import com.laundryconnect.realtime.events.TypedEvent;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Order events that arrive out of order (contract 11) against the real PostgreSQL: the view follows event time and
 * status progression, the rule tracking-service follows too, not arrival order.
 */
@QuarkusTest
class OrderViewsOrderingTest {

    /** These tests look at the views, not at which events were applied before. */
    private static final Consumer<TypedEvent> NOT_WATCHED = event -> {
    };

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-26T10:00:00Z");

    @Inject
    OrderViews views;

    @Test
    void aLateOlderStatusChangeNeitherMovesTheOrderBackNorReassignsIt() {
        String orderId = UUID.randomUUID().toString();
        views.apply(List.of(statusChanged(orderId, "partner-new", OrderStatus.OUT_FOR_DELIVERY, T.plusMinutes(10))),
                NOT_WATCHED);

        views.apply(List.of(statusChanged(orderId, "partner-old", OrderStatus.PICKED_UP, T)), NOT_WATCHED);

        assertEquals("out_for_delivery", statusOf(orderId));
        assertTrue(views.isAssignedTo(orderId, "partner-new"));
        assertFalse(views.isAssignedTo(orderId, "partner-old"));
    }

    @Test
    void aLateOlderAssignmentDoesNotReassignNorAnnounceTheOrder() {
        String orderId = UUID.randomUUID().toString();
        views.apply(List.of(assigned(orderId, "partner-new", T.plusMinutes(5))), NOT_WATCHED);

        List<OrderViews.Assignment> late = views.apply(List.of(assigned(orderId, "partner-old", T)), NOT_WATCHED);

        assertEquals(List.of(), late, "no new_order for an assignment that was replaced before it arrived");
        assertTrue(views.isAssignedTo(orderId, "partner-new"));
    }

    @Test
    void aNewerStatusChangeInTheSameBatchStillApplies() {
        String orderId = UUID.randomUUID().toString();
        views.apply(List.of(
                statusChanged(orderId, "partner-1", OrderStatus.PICKED_UP, T),
                statusChanged(orderId, "partner-1", OrderStatus.DELIVERED, T.plusMinutes(30)),
                statusChanged(orderId, "partner-1", OrderStatus.IN_PROCESS, T.plusMinutes(10))), NOT_WATCHED);

        assertEquals("delivered", statusOf(orderId));
        assertFalse(views.isAssignedTo(orderId, "partner-1"), "a delivered order is no longer assigned");
    }

    private static String statusOf(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OrderView.<OrderView>findById(orderId).status);
    }

    private static TypedEvent statusChanged(String orderId, String partnerId, OrderStatus status, OffsetDateTime time) {
        var changed = new OrderStatusChanged(orderId, "LC-1", "customer-1", partnerId, status, OrderStatus.CONFIRMED,
                null, null);
        return new TypedEvent(at(CloudEvent.create("main-backend", changed), time), EventType.ORDER_STATUS_CHANGED,
                changed);
    }

    private static TypedEvent assigned(String orderId, String partnerId, OffsetDateTime time) {
        var assigned = new OrderAssigned(orderId, "LC-1", "customer-1", partnerId, "Ravi", null, null, null, null,
                null);
        return new TypedEvent(at(CloudEvent.create("main-backend", assigned), time), EventType.ORDER_ASSIGNED,
                assigned);
    }

    private static CloudEvent at(CloudEvent event, OffsetDateTime time) {
        return new CloudEvent(event.specVersion(), event.id(), event.type(), event.source(), time, event.subject(),
                event.dataContentType(), event.data());
    }
}
