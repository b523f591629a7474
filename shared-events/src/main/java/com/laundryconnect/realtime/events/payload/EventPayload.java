package com.laundryconnect.realtime.events.payload;

/**
 * The typed {@code data} of one event type of contract section 8.
 *
 * <p>Sealed so that a consumer can {@code switch} over a payload and the compiler reports a case
 * that a newly added event type needs.
 */
public sealed interface EventPayload
        permits OrderCreated, OrderStatusChanged, OrderAssigned, OrderEtaUpdated,
                LocationReported, NotificationRequested, EarningsCredited, MessageSent {
}
