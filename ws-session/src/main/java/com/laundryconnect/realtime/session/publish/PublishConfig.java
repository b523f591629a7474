package com.laundryconnect.realtime.session.publish;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the publish API waits for Kafka before it answers 503, and what it tells the caller then. */
@ConfigMapping(prefix = "realtime.publish")
public interface PublishConfig {

    /**
     * The longest a request waits for Kafka's acknowledgement of all its events. The producer's own bounds
     * ({@code max.block.ms} plus {@code delivery.timeout.ms} of the {@code realtime-publish} channel) fit inside it,
     * so that most writes have given up by the time the caller hears 503.
     */
    @WithDefault("5s")
    Duration timeout();

    /** The {@code Retry-After} of a 503: long enough for a broker restart or a leader election to finish. */
    @WithDefault("5s")
    Duration retryAfter();
}
