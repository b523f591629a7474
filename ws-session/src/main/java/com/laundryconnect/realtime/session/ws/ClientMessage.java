package com.laundryconnect.realtime.session.ws;

import com.fasterxml.jackson.databind.JsonNode;

/** A well-formed client message of a type the endpoint handles; {@code body} is the whole JSON object. */
public record ClientMessage(String type, JsonNode body) {
}
