package com.laundryconnect.realtime.session.ws;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.laundryconnect.realtime.session.CloseCodes;

/**
 * Contract 4's rules for one inbound text frame, the same on all three endpoints: the rate limit, a JSON object with
 * a {@code type}, {@code ping} answered with {@code pong}, and only the endpoint's own types handed on. It decides
 * and returns what to do; {@link Sessions} does it, so that these rules are tested without a connection.
 */
final class InboundRules {

    static final int MAX_JSON_DEPTH = 64;
    private static final int LONGEST_ECHOED_TYPE = 64;

    /** What the session does with a frame. */
    sealed interface Verdict {
    }

    /** A message of a type the endpoint handles. */
    record Handle(ClientMessage message) implements Verdict {
    }

    /** A {@code ping}, answered here. */
    record Pong(ServerMessages.Pong reply) implements Verdict {
    }

    /** An {@code error} to the client; the connection stays open. */
    record Refuse(String reason) implements Verdict {
    }

    /** The client broke the rate limit for too long: close. */
    record Close(int code, String reason) implements Verdict {
    }

    private final ObjectMapper json = new JsonMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build());
    private final int maxMessagesPerSecond;
    private final int rateLimitStrikes;

    InboundRules(int maxMessagesPerSecond, int rateLimitStrikes) {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
        this.rateLimitStrikes = rateLimitStrikes;
    }

    /** Counts the frame against the session's rate and judges it; {@code now} is the server's clock. */
    Verdict judge(Session session, String text, Set<String> endpointTypes, Instant now) {
        Session.RateVerdict rate = session.countInbound(now.toEpochMilli(), maxMessagesPerSecond, rateLimitStrikes);
        if (rate == Session.RateVerdict.CLOSE) {
            return new Close(CloseCodes.POLICY_VIOLATION, "Rate limit exceeded");
        }
        if (rate == Session.RateVerdict.REFUSED) {
            return new Refuse("Rate limit exceeded: at most " + maxMessagesPerSecond + " messages per second");
        }
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new Refuse(e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? "Message nests deeper than " + MAX_JSON_DEPTH + " levels" : "Invalid JSON");
        }
        if (body == null || !body.isObject()) {
            return new Refuse("Message must be a JSON object");
        }
        JsonNode type = body.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            return new Refuse("Message type missing");
        }
        if (type.asText().equals("ping")) {
            return new Pong(new ServerMessages.Pong(body.get("timestamp"), now));
        }
        if (!endpointTypes.contains(type.asText())) {
            return new Refuse("Unknown message type: " + abbreviate(type.asText()));
        }
        return new Handle(new ClientMessage(type.asText(), body));
    }

    private static String abbreviate(String text) {
        return text.length() <= LONGEST_ECHOED_TYPE ? text : text.substring(0, LONGEST_ECHOED_TYPE) + "…";
    }
}
