package com.laundryconnect.realtime.notification.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.intake.EventIntake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The two topics notifications come from (contract 5), read a poll at a time. A batch is acknowledged, and its
 * offsets committed, only after its notifications are stored, so a crash replays it and the source event ids keep
 * it from being stored twice.
 */
@ApplicationScoped
public class NotificationEventConsumers {

    private final EventIntake intake;
    private final NotificationIntake notifications;

    public NotificationEventConsumers(EventIntake intake, NotificationIntake notifications) {
        this.intake = intake;
        this.notifications = notifications;
    }

    @Incoming("notification-requests")
    @Blocking
    public CompletionStage<Void> notificationRequested(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.NOTIFICATIONS, batch, notifications::apply);
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> orderEvent(KafkaRecordBatch<String, String> batch) {
        return intake.consume(Topic.ORDERS, batch, notifications::apply);
    }
}
