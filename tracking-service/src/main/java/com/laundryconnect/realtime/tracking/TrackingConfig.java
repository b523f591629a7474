package com.laundryconnect.realtime.tracking;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The configurable behaviour of order tracking (contract 6 and 11). */
@ConfigMapping(prefix = "realtime.tracking")
public interface TrackingConfig {

    /**
     * How long a subscription waits for its order's first event, or for the caller to become allowed, before it is
     * refused with 4003. Every refusal takes this long, so unknown and forbidden orders cannot be told apart.
     */
    @WithDefault("2s")
    Duration orderWait();

    /** How often a waiting subscription looks for its order again. */
    @WithDefault("200ms")
    Duration orderPollInterval();

    /** How long the latest location of an order is kept for new subscribers. */
    @WithDefault("1h")
    Duration locationTtl();

    /** At most one location push per order per interval; 500 ms is the contract's 2 per second. */
    @WithDefault("500ms")
    Duration locationPushInterval();

    /** Longest chat message, in characters (Unicode code points). */
    @WithDefault("1000")
    int chatMaxLength();

    /** Most partner messages replayed to a reconnecting customer. */
    @WithDefault("100")
    int chatReplayLimit();
}
