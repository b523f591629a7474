package com.laundryconnect.realtime.tracking.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** send_message and partner_reply on the tracking socket: answers, Kafka, delivery and replay (contract 6, 8, 11). */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class OrderChatTest extends EndToEndTest {

    private static final Duration QUIET = Duration.ofMillis(700);

    @Test
    void theCustomersMessageIsAnsweredStoredAndPublishedForThePartner() {
        TestOrder order = assignedOrder();
        try (TopicTail published = TopicTail.of(Topic.ORDER_MESSAGES);
             TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            customer.send(new JsonObject().put("type", "send_message").put("message", "Please ring the bell"));

            JsonObject answer = nextOfType(customer, "message_sent");
            assertEquals(true, answer.getBoolean("success"));
            String messageId = answer.getString("message_id");
            assertNotNull(messageId);

            JsonObject event = published.await(e -> messageId.equals(e.getJsonObject("data").getString("message_id")));
            assertEquals("message.sent", event.getString("type"));
            assertEquals(new JsonObject().put("message_id", messageId).put("order_id", order.id())
                    .put("order_number", order.number()).put("sender_id", order.customerId())
                    .put("sender_role", "customer").put("recipient_id", order.partnerId())
                    .put("message", "Please ring the bell"), event.getJsonObject("data"));
            assertEquals(List.of(), customer.quietFor(QUIET));
        }
    }

    @Test
    void thePartnersReplyReachesEveryCustomerSessionAndIsPublished() {
        TestOrder order = assignedOrder();
        try (TopicTail published = TopicTail.of(Topic.ORDER_MESSAGES);
             TestSocket phone = established(order.id(), TestTokens.wsToken(order.customerId()));
             TestSocket web = established(order.id(), TestTokens.wsToken(order.customerId()));
             TestSocket staff = established(order.id(), TestTokens.staffWsToken(TestTokens.newUserId()));
             TestSocket partner = established(order.id(), TestTokens.partnerWsToken(order.partnerId()))) {
            partner.send(new JsonObject().put("type", "partner_reply").put("message", "Arriving in 5 minutes"));

            JsonObject answer = nextOfType(partner, "message_sent");
            assertEquals(true, answer.getBoolean("success"));
            String messageId = answer.getString("message_id");
            for (TestSocket customer : List.of(phone, web)) {
                JsonObject delivered = nextOfType(customer, "partner_message");
                assertEquals(order.id(), delivered.getString("order_id"));
                assertEquals("Arriving in 5 minutes", delivered.getString("message"));
                assertEquals(order.partnerId(), delivered.getString("sender_id"));
                assertEquals(messageId, delivered.getString("message_id"));
                assertNotNull(Instant.parse(delivered.getString("sent_at")));
            }
            JsonObject event = published.await(e -> messageId.equals(e.getJsonObject("data").getString("message_id")));
            assertEquals("partner", event.getJsonObject("data").getString("sender_role"));
            assertEquals(order.customerId(), event.getJsonObject("data").getString("recipient_id"));

            assertEquals(List.of(), staff.quietFor(QUIET));
            assertEquals(List.of(), partner.quietFor(QUIET));
            assertEquals(List.of(), phone.quietFor(QUIET), "the published copy is not delivered a second time");
        }
    }

    @Test
    void refusedMessagesAreAnsweredWithAnErrorAndNothingIsPublishedOrDelivered() {
        TestOrder order = assignedOrder();
        try (TopicTail published = TopicTail.of(Topic.ORDER_MESSAGES);
             TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()));
             TestSocket partner = established(order.id(), TestTokens.partnerWsToken(order.partnerId()));
             TestSocket staff = established(order.id(), TestTokens.staffWsToken(TestTokens.newUserId()))) {
            assertRefused(customer, new JsonObject().put("type", "send_message").put("message", "x".repeat(1001)),
                    "Message is longer than 1000 characters");
            assertRefused(customer, new JsonObject().put("type", "send_message").put("message", "   "),
                    "Message must be a non-empty string");
            assertRefused(customer, new JsonObject().put("type", "send_message").put("message", 42),
                    "Message must be a non-empty string");
            assertRefused(customer, new JsonObject().put("type", "send_message"), "Message must be a non-empty string");
            assertRefused(customer, new JsonObject().put("type", "send_message").put("message", "a\u0000b"),
                    "Message contains a character that cannot be stored (NUL)");
            assertRefused(customer, new JsonObject().put("type", "partner_reply").put("message", "hi"),
                    "Only the order's assigned partner can reply");
            assertRefused(partner, new JsonObject().put("type", "send_message").put("message", "hi"),
                    "Only the order's customer can send messages");
            assertRefused(staff, new JsonObject().put("type", "partner_reply").put("message", "hi"),
                    "Only the order's assigned partner can reply");
            assertEquals(List.of(), customer.quietFor(QUIET));

            customer.send(new JsonObject().put("type", "send_message").put("message", "y".repeat(1000)));
            String accepted = nextOfType(customer, "message_sent").getString("message_id");
            published.await(e -> accepted.equals(e.getJsonObject("data").getString("message_id")));
            assertEquals(1, published.seen(e -> order.id().equals(e.getJsonObject("data").getString("order_id"))).size());
        }
    }

    @Test
    void aCustomerCannotWriteBeforeAPartnerIsAssigned() {
        String orderId = newOrderId();
        String customerId = TestTokens.newUserId();
        TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(orderId, customerId, "pending", Instant.now()));
        awaitView(orderId, view -> true);
        try (TestSocket customer = established(orderId, TestTokens.wsToken(customerId))) {
            assertRefused(customer, new JsonObject().put("type", "send_message").put("message", "Hello?"),
                    "No partner is assigned to this order yet");
        }
    }

    @Test
    void aReconnectingCustomerIsToldThePartnerMessagesAfterTheLastOneItSaw() {
        TestOrder order = assignedOrder();
        List<String> ids;
        try (TestSocket partner = established(order.id(), TestTokens.partnerWsToken(order.partnerId()));
             TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            ids = List.of(reply(partner, "one"), reply(partner, "two"));
            customer.send(new JsonObject().put("type", "send_message").put("message", "customer's own"));
            nextOfType(customer, "partner_message");
            nextOfType(customer, "partner_message");
            nextOfType(customer, "message_sent");
        }
        String third;
        try (TestSocket partner = established(order.id(), TestTokens.partnerWsToken(order.partnerId()))) {
            third = reply(partner, "three");
        }

        try (TestSocket customer = connect(ordersPath.resolve(order.id() + "/?since=" + ids.getFirst() + "&token="
                + TestTokens.wsToken(order.customerId())))) {
            nextOfType(customer, "connection_established");
            JsonObject second = nextOfType(customer, "partner_message");
            assertEquals(List.of("two", ids.get(1)), List.of(second.getString("message"), second.getString("message_id")));
            JsonObject last = nextOfType(customer, "partner_message");
            assertEquals(List.of("three", third), List.of(last.getString("message"), last.getString("message_id")));
            assertEquals(List.of(), customer.quietFor(QUIET));
        }
        for (String since : List.of(third, "no-such-message")) {
            try (TestSocket customer = connect(ordersPath.resolve(order.id() + "/?last_event_id=" + since + "&token="
                    + TestTokens.wsToken(order.customerId())))) {
                nextOfType(customer, "connection_established");
                assertEquals(List.of(), customer.quietFor(QUIET));
            }
        }
    }

    @Test
    void aCustomerThatSawNoPartnerMessageResumesFromTheLastMessageIdItWasGiven() {
        TestOrder order = assignedOrder();
        String startedAt;
        try (TestSocket customer = connect(ordersPath.resolve(order.id() + "/?token="
                + TestTokens.wsToken(order.customerId())))) {
            startedAt = nextOfType(customer, "connection_established").getString("last_message_id");
        }
        assertEquals("0", startedAt);
        String missed;
        try (TestSocket partner = connect(order.id(), TestTokens.partnerWsToken(order.partnerId()))) {
            assertFalse(nextOfType(partner, "connection_established").containsKey("last_message_id"),
                    "only the customer resumes the chat");
            missed = reply(partner, "while you were away");
        }

        try (TestSocket customer = connect(ordersPath.resolve(order.id() + "/?since=" + startedAt + "&token="
                + TestTokens.wsToken(order.customerId())))) {
            assertEquals(missed, nextOfType(customer, "connection_established").getString("last_message_id"));
            assertEquals(missed, nextOfType(customer, "partner_message").getString("message_id"));
            assertEquals(List.of(), customer.quietFor(QUIET));
        }
    }

    @Test
    void aPartnerMessagePublishedElsewhereReachesTheCustomerAndIsStoredForReplay() {
        TestOrder order = assignedOrder();
        String sinceId;
        try (TestSocket partner = established(order.id(), TestTokens.partnerWsToken(order.partnerId()))) {
            sinceId = reply(partner, "first");
        }
        JsonObject external = TestEvents.messageSent(order.id(), order.partnerId(), "partner", order.customerId(),
                "Sent from the partner app");
        String externalId = external.getJsonObject("data").getString("message_id");
        try (TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            TestKafka.produce(Topic.ORDER_MESSAGES, external);
            JsonObject delivered = nextOfType(customer, "partner_message");
            assertEquals(List.of(externalId, "Sent from the partner app"),
                    List.of(delivered.getString("message_id"), delivered.getString("message")));
            TestKafka.produce(Topic.ORDER_MESSAGES, external);
            assertEquals(List.of(), customer.quietFor(QUIET), "a redelivered message is not pushed again");
        }
        try (TestSocket customer = connect(ordersPath.resolve(order.id() + "/?since=" + sinceId + "&token="
                + TestTokens.wsToken(order.customerId())))) {
            nextOfType(customer, "connection_established");
            assertEquals(externalId, nextOfType(customer, "partner_message").getString("message_id"));
        }
    }

    private static String reply(TestSocket partner, String text) {
        partner.send(new JsonObject().put("type", "partner_reply").put("message", text));
        JsonObject answer = nextOfType(partner, "message_sent");
        assertTrue(answer.getBoolean("success"), answer::encode);
        return answer.getString("message_id");
    }

    private static void assertRefused(TestSocket socket, JsonObject message, String error) {
        socket.send(message);
        JsonObject answer = nextOfType(socket, "message_sent");
        assertFalse(answer.getBoolean("success"), answer::encode);
        assertEquals(error, answer.getString("error"));
        assertFalse(answer.containsKey("message_id"), answer::encode);
    }
}
