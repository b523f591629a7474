package com.laundryconnect.realtime.notification.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * The two topics notifications come from (contract 5). Each record is acknowledged, and its offset committed, only
 * after its notification is stored, so a crash replays it and the source event id keeps it from being stored twice.
 */
@ApplicationScoped
public class NotificationEventConsumers {

    private final NotificationIntake intake;

    public NotificationEventConsumers(NotificationIntake intake) {
        this.intake = intake;
    }

    @Incoming("notification-requests")
    @Blocking
    public void notificationRequested(String record) {
        intake.accept(record);
    }

    @Incoming("order-events")
    @Blocking
    public void orderEvent(String record) {
        intake.accept(record);
    }
}
