package com.laundryconnect.realtime.partner.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** message.sent by a customer reaches the partner it is addressed to as customer_message. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class CustomerMessageTest {

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @Test
    void aCustomersMessageReachesEverySessionOfTheRecipient() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket phone = PartnerSockets.connectPartner(endpoint, partnerId);
             TestSocket web = PartnerSockets.connectPartner(endpoint, partnerId);
             TestSocket otherPartner = PartnerSockets.connectPartner(endpoint, TestTokens.newUserId())) {
            CloudEvent event = TestEvents.at(TestEvents.message(orderId, "customer-7", SenderRole.CUSTOMER, partnerId,
                    "Please ring the bell twice"), "2026-12-03T15:45:30+05:30");
            MessageSent sent = (MessageSent) EventCodec.readPayload(event);
            TestKafka.produce(event);

            for (TestSocket socket : List.of(phone, web)) {
                JsonObject message = socket.next();
                assertEquals("customer_message", message.getString("type"));
                assertEquals(orderId, message.getString("order_id"));
                assertEquals(sent.orderNumber(), message.getString("order_number"));
                assertEquals("Please ring the bell twice", message.getString("message"));
                assertEquals("customer-7", message.getString("sender_id"));
                assertEquals("2026-12-03T10:15:30.000Z", message.getString("sent_at"), "the event's time, in UTC");
                assertEquals(sent.messageId(), message.getString("message_id"));
            }
            assertTrue(otherPartner.quietFor(Duration.ofMillis(500)).isEmpty());
        }
    }

    @Test
    void partnersRepliesAndRedeliveriesAreNotPushed() {
        String partnerId = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            CloudEvent first = TestEvents.message(orderId, "customer-7", SenderRole.CUSTOMER, partnerId, "first");
            TestKafka.produce(first);
            assertEquals("first", partner.next().getString("message"));

            TestKafka.produce(first);
            TestKafka.produce(TestEvents.message(orderId, partnerId, SenderRole.PARTNER, partnerId, "a partner's reply"));
            TestKafka.produce(TestEvents.message(orderId, "customer-7", SenderRole.CUSTOMER, partnerId, "second"));
            assertEquals("second", partner.next().getString("message"));
        }
    }
}
