package com.laundryconnect.realtime.token.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code GET /api/realtime/token/}, exactly as contract section 3 shows it. */
public record TokenResponse(
        String token,
        @JsonProperty("ws_base_url") String wsBaseUrl,
        Endpoints endpoints,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("user_id") String userId,
        @JsonProperty("is_partner") boolean isPartner) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Endpoints(
            String notifications,
            @JsonProperty("order_tracking") String orderTracking,
            String partner) {
    }
}
