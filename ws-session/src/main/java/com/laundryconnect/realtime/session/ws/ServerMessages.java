package com.laundryconnect.realtime.session.ws;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The server messages every endpoint shares (contract section 4). */
final class ServerMessages {

    private ServerMessages() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, Integer code, String message) {
        Error(Integer code, String message) {
            this("error", code, message);
        }
    }

    record Pong(String type, JsonNode timestamp, @JsonProperty("server_time") Instant serverTime) {
        Pong(JsonNode timestamp, Instant serverTime) {
            this("pong", timestamp, serverTime);
        }
    }
}
