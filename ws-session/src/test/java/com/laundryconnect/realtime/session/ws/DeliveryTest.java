package com.laundryconnect.realtime.session.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A message's replay key survives the fan-out's one-line-per-message wire, whatever characters the key holds. */
class DeliveryTest {

    private record ChatMessage(String messageId) implements Replayable {
        @Override
        public String replayKey() {
            return messageId;
        }
    }

    @Test
    void aReplayableMessageTravelsWithItsKey() {
        Delivery sent = Delivery.of(new ChatMessage("m 1\n\t{x}"), "{\"type\":\"partner_message\"}");

        String line = sent.toWire();
        Delivery received = Delivery.fromWire(line);

        assertFalse(line.contains("\n"), "one message is one line");
        assertEquals("{\"type\":\"partner_message\"}", received.json());
        assertEquals(Delivery.encode("m 1\n\t{x}"), received.replayKey());
    }

    @Test
    void anyOtherMessageTravelsAsItsJsonAlone() {
        Delivery received = Delivery.fromWire(Delivery.of("unread", "{\"type\":\"unread_count\",\"count\":2}").toWire());

        assertEquals("{\"type\":\"unread_count\",\"count\":2}", received.json());
        assertNull(received.replayKey());
    }
}
