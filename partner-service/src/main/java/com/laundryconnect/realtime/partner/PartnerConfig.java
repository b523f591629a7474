package com.laundryconnect.realtime.partner;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** partner-service's own settings; environment variables REALTIME_PARTNER_*. */
@ConfigMapping(prefix = "realtime.partner")
public interface PartnerConfig {

    /** The currency of a partner's total before they have any earnings (contract 11). */
    @WithDefault("INR")
    String defaultCurrency();

    /** The feed a reconnecting partner resumes from; environment variables REALTIME_PARTNER_FEED_*. */
    Feed feed();

    interface Feed {

        /** The most frames sent after {@code ?since=}: the newest ones, oldest first. */
        @WithDefault("100")
        int replayLimit();

        /** How long a frame can be replayed; older frames are deleted. */
        @WithDefault("24h")
        Duration retention();

        /** How often each replica deletes the frames past {@link #retention()}. */
        @WithDefault("5m")
        Duration retentionSweepInterval();
    }
}
