package com.laundryconnect.realtime.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** partner-service's own settings; environment variables REALTIME_PARTNER_*. */
@ConfigMapping(prefix = "realtime.partner")
public interface PartnerConfig {

    /** The currency of a partner's total before they have any earnings (contract 11). */
    @WithDefault("INR")
    String defaultCurrency();
}
