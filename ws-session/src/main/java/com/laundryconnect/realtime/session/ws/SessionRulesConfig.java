package com.laundryconnect.realtime.session.ws;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The configurable limits of contract section 4, the same for every WebSocket endpoint. */
@ConfigMapping(prefix = "realtime.ws")
public interface SessionRulesConfig {

    @WithDefault("20")
    int maxMessagesPerSecond();

    /** Consecutive seconds over the rate before the connection is closed with 1008; before that, an error per excess. */
    @WithDefault("3")
    int rateLimitStrikes();

    /** Messages waiting to be written to one client before it counts as unable to keep up and is closed with 1013. */
    @WithDefault("1000")
    int outboundQueueLimit();

    /** A connection that sends nothing, not even a pong to the server's pings, for this long is dropped. */
    @WithDefault("90s")
    Duration idleTimeout();

    /** Browser origins allowed to open a session; unset allows all. Requests without an Origin header always pass. */
    Optional<List<String>> allowedOrigins();
}
