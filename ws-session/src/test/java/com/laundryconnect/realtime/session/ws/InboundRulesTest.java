package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.laundryconnect.realtime.session.CloseCodes;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.json.ContractFormats;

/** Contract 4's rules for inbound frames, which all three endpoints share. */
class InboundRulesTest {

    private static final Set<String> ENDPOINT_TYPES = Set.of("mark_read", "mark_all_read");
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");
    /** What the session writes frames with: the application's mapper, which has the contract's formats. */
    private static final ObjectMapper WIRE = JsonMapper.builder().addModule(new ContractFormats()).build();

    private final InboundRules rules = new InboundRules(20, 3);
    private final Session session = new Session(null,
            new Caller("u1", false, false, false, Set.of(), Instant.MAX, Caller.TokenKind.WEBSOCKET), "test", Set.of());

    @Test
    void handsOnAMessageOfTheEndpointsTypesWhole() {
        var handle = assertInstanceOf(InboundRules.Handle.class,
                judge("{\"type\":\"mark_read\",\"notification_id\":42}"));
        assertEquals("mark_read", handle.message().type());
        assertEquals(42, handle.message().body().get("notification_id").asInt());
    }

    @Test
    void answersPingWithPongEchoingTheClientsTimestampAndTheServerTime() throws JsonProcessingException {
        var pong = assertInstanceOf(InboundRules.Pong.class, judge("{\"type\":\"ping\",\"timestamp\":1733220930000}"));
        assertEquals("{\"type\":\"pong\",\"timestamp\":1733220930000,\"server_time\":\"2026-12-03T10:15:30.000Z\"}",
                WIRE.writeValueAsString(pong.reply()));
    }

    @Test
    void refusesWhatIsNotAJsonObjectWithAType() {
        assertRefused("Invalid JSON", "{not json");
        assertRefused("Message must be a JSON object", "[1,2]");
        assertRefused("Message type missing", "{\"notification_id\":1}");
        assertRefused("Message type missing", "{\"type\":\" \"}");
        assertRefused("Message type missing", "{\"type\":7}");
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String deep = "{\"type\":\"mark_read\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertRefused("Message nests deeper than 64 levels", deep);
    }

    @Test
    void refusesAnotherEndpointsTypeEchoingAtMost64Characters() {
        assertRefused("Unknown message type: send_message", "{\"type\":\"send_message\"}");
        String longType = "t".repeat(100);
        assertRefused("Unknown message type: " + "t".repeat(64) + "…", "{\"type\":\"" + longType + "\"}");
    }

    @Test
    void refusesFramesOverTheRateThenClosesWith1008WhenItPersists() {
        for (int i = 0; i < 20; i++) {
            assertInstanceOf(InboundRules.Handle.class, judge("{\"type\":\"mark_all_read\"}"));
        }
        assertRefused("Rate limit exceeded: at most 20 messages per second", "{\"type\":\"mark_all_read\"}");
        for (int i = 0; i < 19; i++) {
            judge("{\"type\":\"mark_all_read\"}");
        }
        var close = assertInstanceOf(InboundRules.Close.class, judge("{\"type\":\"mark_all_read\"}"));
        assertEquals(CloseCodes.POLICY_VIOLATION, close.code());
    }

    private InboundRules.Verdict judge(String text) {
        return rules.judge(session, text, ENDPOINT_TYPES, NOW);
    }

    private void assertRefused(String reason, String text) {
        assertEquals(reason, assertInstanceOf(InboundRules.Refuse.class, judge(text)).reason());
    }
}
