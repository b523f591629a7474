package com.laundryconnect.realtime.tracking.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.intake.TakeOvers;
import com.laundryconnect.realtime.session.testing.PartitionReads;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.tracking.chat.ChatLog;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A partner's message stored by a replica that died before its push went out is read again by the replica that
 * takes the partition over: the customer's session is closed with 1012 and the resume brings the message.
 */
@QuarkusTest
class ReadAgainAfterTakeOverTest extends EndToEndTest {

    private static final int SERVICE_RESTART = 1012;

    @Inject
    EventIntake intake;

    @Inject
    TakeOvers takeOvers;

    @Inject
    OrderMessagesConsumer consumer;

    @Inject
    ChatLog chatLog;

    @Test
    void aPartnerMessageStoredButNeverPushedReachesTheCustomerAfterItsPartitionIsTakenOver() throws Exception {
        TestOrder order = assignedOrder();
        JsonObject event = TestEvents.messageSent(order.id(), order.partnerId(), "partner", order.customerId(),
                "Stored by a replica that died");
        String startedAt;
        try (TestSocket customer = connect(order.id(), TestTokens.wsToken(order.customerId()))) {
            startedAt = nextOfType(customer, "connection_established").getString("last_message_id");
            storedByTheReplicaThatDied(event);
            PartitionReads.assign(takeOvers, Topic.ORDER_MESSAGES, 9, 41);

            PartitionReads.read(intake, Topic.ORDER_MESSAGES, consumer::apply, event, 9, 40);

            assertEquals(SERVICE_RESTART, customer.closeCode());
        }
        try (TestSocket resumed = connect(ordersPath.resolve(order.id() + "/?since=" + startedAt + "&token="
                + TestTokens.wsToken(order.customerId())))) {
            nextOfType(resumed, "connection_established");
            assertEquals("Stored by a replica that died", nextOfType(resumed, "partner_message").getString("message"));
        }
    }

    private void storedByTheReplicaThatDied(JsonObject event) {
        JsonObject data = event.getJsonObject("data");
        MessageSent sent = new MessageSent(data.getString("message_id"), data.getString("order_id"),
                data.getString("order_number"), data.getString("sender_id"), SenderRole.PARTNER,
                data.getString("recipient_id"), data.getString("message"));
        chatLog.storeNew(List.of(new ChatLog.Published(sent, Instant.now())));
    }
}
