package com.laundryconnect.realtime.session.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the intake applies a poll: split by partition from which size, and how long it keeps retrying a batch that fails
 * for a reason that may pass (PostgreSQL, Redis, Kafka).
 */
@ConfigMapping(prefix = "realtime.intake")
public interface IntakeConfig {

    /**
     * A poll of at least this many records is applied per partition, the partitions side by side; a smaller one whole,
     * in one transaction. Polls grow when a replica falls behind or a channel is busy, which is when a second core
     * helps; below that, one transaction per poll costs less than one per partition.
     */
    @WithDefault("100")
    int splitPollsFrom();

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
