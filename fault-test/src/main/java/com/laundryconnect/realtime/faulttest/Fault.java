package com.laundryconnect.realtime.faulttest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The faults of issue 11, each injected once in the middle of a run. Publishing goes to the publish API of a service
 * the fault leaves alone, as the main backend would reach a surviving replica.
 */
enum Fault {

    REDIS_RESTART("redis-restart", Traffic.NOTIFICATIONS, "notification-service",
            "Redis shut down (nosave) and started again 5 s later"),
    NOTIFICATION_KILL("notification-kill", Traffic.NOTIFICATIONS, "tracking-service",
            "notification-service killed (-9), started again 5 s later"),
    KAFKA_KILL("kafka-kill", Traffic.NOTIFICATIONS, "notification-service",
            "the Kafka broker killed (-9), started again 10 s later"),
    POSTGRES_STOP("postgres-stop", Traffic.NOTIFICATIONS, "notification-service",
            "PostgreSQL stopped (immediate), started again 5 s later"),
    EDGE_KILL("edge-kill", Traffic.NOTIFICATIONS, "notification-service",
            "the nginx edge killed (-9, master and workers), started again 5 s later"),
    NOTIFICATION_RESTART("notification-restart", Traffic.NOTIFICATIONS, "tracking-service",
            "notification-service stopped (SIGTERM) and started again"),
    TRACKING_RESTART("tracking-restart", Traffic.CHAT, "notification-service",
            "tracking-service stopped (SIGTERM) and started again"),
    PARTNER_RESTART("partner-restart", Traffic.EARNINGS, "notification-service",
            "partner-service stopped (SIGTERM) and started again");

    private final String id;
    private final Traffic traffic;
    private final String publishVia;
    private final String description;

    Fault(String id, Traffic traffic, String publishVia, String description) {
        this.id = id;
        this.traffic = traffic;
        this.publishVia = publishVia;
        this.description = description;
    }

    String id() {
        return id;
    }

    Traffic traffic() {
        return traffic;
    }

    /** The service whose {@code POST /internal/events} the run publishes to. */
    String publishVia() {
        return publishVia;
    }

    String description() {
        return description;
    }

    static Optional<Fault> withId(String id) {
        return Arrays.stream(values()).filter(fault -> fault.id.equals(id)).findFirst();
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Fault::id).toList();
    }
}
