package com.laundryconnect.realtime.session.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the intake keeps retrying a batch that fails for a reason that may pass (PostgreSQL, Redis, Kafka). */
@ConfigMapping(prefix = "realtime.intake")
public interface IntakeConfig {

    /** How long a failing batch is retried as a whole before its events are tried one by one. */
    @WithDefault("2m")
    Duration batchRetryDuration();

    /** The first pause between two attempts; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("100ms")
    Duration firstBackoff();

    @WithDefault("5s")
    Duration maxBackoff();

    /** Attempts of one event, once its batch has failed for {@link #batchRetryDuration()}, before it is dead-lettered. */
    @WithDefault("3")
    int eventAttempts();
}
