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

    /** How often applying a well-formed event is tried (e.g. while PostgreSQL restarts) before it is dead-lettered. */
    @WithDefault("5")
    int applyAttempts();

    /** The wait before the second attempt; it doubles before each further one. */
    @WithDefault("500ms")
    Duration applyRetryBackoff();
}
