package com.laundryconnect.realtime.notification.ws;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.TestEnvelopes;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class NotificationSocketTest {

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    private URI withQuery(String query) {
        return URI.create(endpoint + "?" + query);
    }

    private TestSocket connect(String userId) {
        TestSocket socket = TestSocket.connect(withQuery("token=" + TestTokens.wsToken(userId)));
        assertEquals("connection_established", socket.next().getString("type"));
        return socket;
    }

    @Test
    void missingOrBadTokensGetAnErrorThenClose4001() {
        try (TestSocket noToken = TestSocket.connect(endpoint)) {
            JsonObject error = noToken.next();
            assertEquals("error", error.getString("type"));
            assertEquals(4001, error.getInteger("code"));
            assertEquals(4001, noToken.closeCode());
        }
        try (TestSocket garbage = TestSocket.connect(withQuery("token=not-a-jwt"))) {
            assertEquals(4001, garbage.next().getInteger("code"));
            assertEquals(4001, garbage.closeCode());
        }
    }

    @Test
    void connectionEstablishedComesFirstOnBothPathSpellings() {
        String userId = TestTokens.newUserId();
        for (String path : List.of("/ws/notifications/", "/ws/notifications")) {
            URI uri = endpoint.resolve(path + "?token=" + TestTokens.wsToken(userId));
            try (TestSocket socket = TestSocket.connect(uri)) {
                JsonObject established = socket.next();
                assertEquals("connection_established", established.getString("type"));
                assertEquals(0, established.getInteger("unread_count"));
                assertEquals(userId, established.getString("user_id"));
                assertFalse(established.getString("message").isBlank());
            }
        }
    }

    @Test
    void acceptsTheTokenAsABearerSubprotocolAndEchoesIt() {
        String protocol = "bearer." + TestTokens.wsToken(TestTokens.newUserId());
        try (TestSocket socket = TestSocket.connect(endpoint, Map.of(), List.of(protocol))) {
            assertEquals("connection_established", socket.next().getString("type"));
            assertEquals(protocol, socket.subprotocol());
        }
    }

    @Test
    void acceptsAnAccessTokenForTheGuidesReconnectPath() {
        String userId = TestTokens.newUserId();
        try (TestSocket socket = TestSocket.connect(withQuery("token=" + TestTokens.accessToken(userId)))) {
            assertEquals(userId, socket.next().getString("user_id"));
        }
    }

    @Test
    void aNotificationReachesEverySessionOfItsUserFollowedByTheUnreadCount() {
        String userId = TestTokens.newUserId();
        try (TestSocket web = connect(userId); TestSocket phone = connect(userId);
             TestSocket stranger = connect(TestTokens.newUserId())) {
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Half price ironing"));
            for (TestSocket socket : List.of(web, phone)) {
                JsonObject pushed = socket.next();
                assertEquals("notification", pushed.getString("type"));
                JsonObject notification = pushed.getJsonObject("notification");
                assertEquals("Half price ironing", notification.getString("title"));
                assertEquals("Message of Half price ironing", notification.getString("message"));
                assertEquals("promotion", notification.getString("notification_type"));
                assertEquals("LC50", notification.getJsonObject("data").getString("coupon"));
                assertFalse(notification.getBoolean("is_read"));
                assertTrue(notification.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
                assertTrue(notification.getLong("id") > 0);
                JsonObject count = socket.next();
                assertEquals("unread_count", count.getString("type"));
                assertEquals(1, count.getInteger("count"));
            }
            assertEquals(List.of(), stranger.quietFor(Duration.ofMillis(500)));
        }
    }

    @Test
    void aRedeliveredEventNeverCreatesASecondNotification() {
        String userId = TestTokens.newUserId();
        JsonObject event = NotificationEvents.requested(userId, "Once only");
        try (TestSocket socket = connect(userId)) {
            TestKafka.produce(Topic.NOTIFICATIONS, event);
            TestKafka.produce(Topic.NOTIFICATIONS, event);
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Second"));
            assertEquals("Once only", socket.next("notification").getJsonObject("notification").getString("title"));
            assertEquals("Second", socket.next("notification").getJsonObject("notification").getString("title"));
            assertEquals(2, socket.next("unread_count").getInteger("count"));
            assertEquals(List.of(), socket.quietFor(Duration.ofMillis(500)));
        }
        given().auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications/").then()
                .statusCode(200).body("results.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void markReadUpdatesEverySessionAndRefusesOtherUsersIds() {
        String userId = TestTokens.newUserId();
        String otherUser = TestTokens.newUserId();
        try (TestSocket web = connect(userId); TestSocket phone = connect(userId); TestSocket other = connect(otherUser)) {
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Mine"));
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(otherUser, "Theirs"));
            long mine = web.next("notification").getJsonObject("notification").getLong("id");
            long theirs = other.next("notification").getJsonObject("notification").getLong("id");
            web.next("unread_count");
            phone.next("unread_count");

            web.send(new JsonObject().put("type", "mark_read").put("notification_id", theirs));
            JsonObject refused = web.next();
            assertEquals("mark_read_response", refused.getString("type"));
            assertFalse(refused.getBoolean("success"));
            assertEquals(theirs, refused.getLong("notification_id"));
            assertEquals(0, refused.getInteger("marked"));
            assertEquals("Notification not found", refused.getString("error"));
            assertEquals(List.of(), phone.quietFor(Duration.ofMillis(300)), "a refused mark_read sends no unread_count");

            web.send(new JsonObject().put("type", "mark_read").put("notification_id", Long.toString(mine)));
            JsonObject marked = web.next();
            assertTrue(marked.getBoolean("success"));
            assertEquals(Long.toString(mine), marked.getString("notification_id"));
            assertEquals(1, marked.getInteger("marked"));
            assertEquals(0, web.next("unread_count").getInteger("count"));
            assertEquals(0, phone.next("unread_count").getInteger("count"));

            web.send(new JsonObject().put("type", "mark_read").put("notification_id", mine));
            assertEquals(0, web.next("mark_read_response").getInteger("marked"));
            assertEquals(0, web.next("unread_count").getInteger("count"));

            web.send(new JsonObject().put("type", "mark_read").put("notification_id", "abc"));
            JsonObject malformed = web.next();
            assertFalse(malformed.getBoolean("success"));
            assertEquals("abc", malformed.getString("notification_id"));
            web.send(new JsonObject().put("type", "mark_read"));
            JsonObject missing = web.next();
            assertFalse(missing.getBoolean("success"));
            assertTrue(missing.containsKey("notification_id"));
            assertNull(missing.getValue("notification_id"));

            assertEquals(1, other.next("unread_count").getInteger("count"), "the other user's notification stays unread");
        }
    }

    @Test
    void markAllReadAnswersWithHowManyChanged() {
        String userId = TestTokens.newUserId();
        try (TestSocket socket = connect(userId)) {
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "One"));
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Two"));
            socket.next("notification");
            socket.next("notification");
            socket.send(new JsonObject().put("type", "mark_all_read"));
            JsonObject response = socket.next("mark_read_response");
            assertTrue(response.getBoolean("success"));
            assertEquals(2, response.getInteger("marked"));
            assertEquals(0, socket.next("unread_count").getInteger("count"));
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (TestSocket socket = connect(TestTokens.newUserId())) {
            socket.send(new JsonObject().put("type", "ping").put("timestamp", "2026-11-26T10:15:30.123Z"));
            JsonObject pong = socket.next();
            assertEquals("pong", pong.getString("type"));
            assertEquals("2026-11-26T10:15:30.123Z", pong.getString("timestamp"));
            assertTrue(pong.getString("server_time").endsWith("Z"));
        }
    }

    @Test
    void badFramesGetAnErrorAndTheConnectionStaysOpen() {
        try (TestSocket socket = connect(TestTokens.newUserId())) {
            for (String bad : List.of("{not json", "[1,2]", "\"text\"", "{\"no_type\":1}", "{\"type\":\"launch_rockets\"}",
                    "[".repeat(65) + "]".repeat(65), "{\"type\":\"ping\",\"x\":" + "[".repeat(70) + "]".repeat(70) + "}")) {
                socket.send(bad);
                JsonObject error = socket.next();
                assertEquals("error", error.getString("type"), "for " + bad);
                assertFalse(error.getString("message").isBlank());
            }
            socket.sendBinary(new byte[] {1, 2, 3});
            assertEquals("error", socket.next().getString("type"));
            socket.send(new JsonObject().put("type", "ping").put("timestamp", 1));
            assertEquals("pong", socket.next().getString("type"));
            assertFalse(socket.isClosed());
        }
    }

    @Test
    void messagesOver64KiBCloseWith1009() {
        for (int size : new int[] {70 * 1024, 1024 * 1024}) {
            try (TestSocket socket = connect(TestTokens.newUserId())) {
                socket.send(new JsonObject().put("type", "ping").put("pad", "x".repeat(size)));
                assertEquals(1009, socket.closeCode(), "a message of " + size + " bytes in frames of 64 KiB");
            }
        }
    }

    @Test
    void singleFramesOver64KiBCloseWith1009() {
        for (int size : new int[] {70 * 1024, 1024 * 1024}) {
            try (TestSocket socket = connect(TestTokens.newUserId())) {
                socket.sendOneFrame(new JsonObject().put("type", "ping").put("pad", "x".repeat(size)).encode());
                assertEquals(1009, socket.closeCode(), "one frame of " + size + " bytes");
            }
        }
    }

    @Test
    void aFloodIsRefusedThenClosedWith1008() {
        try (TestSocket socket = connect(TestTokens.newUserId())) {
            for (int i = 0; i < 60; i++) {
                socket.send(new JsonObject().put("type", "ping").put("timestamp", i));
            }
            assertEquals("error", socket.next("error").getString("type"));
            assertEquals(1008, socket.closeCode());
        }
    }

    @Test
    void anotherUsersSessionIsUntouchedByAFlood() {
        String userId = TestTokens.newUserId();
        try (TestSocket flooder = connect(TestTokens.newUserId()); TestSocket bystander = connect(userId)) {
            for (int i = 0; i < 60; i++) {
                flooder.send("{\"type\":\"ping\"}");
            }
            assertEquals(1008, flooder.closeCode());
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Still here"));
            assertEquals("Still here", bystander.next("notification").getJsonObject("notification").getString("title"));
        }
    }

    @Test
    void anExpiredTokenClosesTheSessionWith4001() {
        String expiringSoon = TestTokens.expiredWsToken(TestTokens.newUserId(), Duration.ofSeconds(28));
        try (TestSocket socket = TestSocket.connect(withQuery("token=" + expiringSoon))) {
            assertEquals("connection_established", socket.next().getString("type"));
            JsonObject error = socket.next();
            assertEquals(4001, error.getInteger("code"));
            assertEquals(4001, socket.closeCode());
        }
    }

    @Test
    void resumeReplaysWhatWasMissedOldestFirstAndOnlyForItsOwner() {
        String userId = TestTokens.newUserId();
        long first;
        try (TestSocket socket = connect(userId)) {
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "First"));
            first = socket.next("notification").getJsonObject("notification").getLong("id");
        }
        TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Second"));
        TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "Third"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications/")
                .then().extract().path("results.size()").equals(3));

        try (TestSocket resumed = TestSocket.connect(withQuery("since=" + first + "&token=" + TestTokens.wsToken(userId)))) {
            assertEquals("connection_established", resumed.next().getString("type"));
            assertEquals("Second", resumed.next().getJsonObject("notification").getString("title"));
            assertEquals("Third", resumed.next().getJsonObject("notification").getString("title"));
            assertEquals(List.of(), resumed.quietFor(Duration.ofMillis(300)));
        }
        String stranger = TestTokens.newUserId();
        try (TestSocket foreign = TestSocket.connect(withQuery("last_event_id=" + first + "&token=" + TestTokens.wsToken(stranger)))) {
            assertEquals("connection_established", foreign.next().getString("type"));
            assertEquals(List.of(), foreign.quietFor(Duration.ofMillis(300)));
        }
    }

    @Test
    void aClientThatReceivedNothingResumesFromTheLastNotificationIdItWasGiven() {
        String userId = TestTokens.newUserId();
        long startedAt;
        try (TestSocket socket = TestSocket.connect(withQuery("token=" + TestTokens.wsToken(userId)))) {
            startedAt = socket.next().getLong("last_notification_id");
        }
        assertEquals(0, startedAt);
        TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "While away"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications/")
                .then().extract().path("results.size()").equals(1));

        long latest;
        try (TestSocket resumed = TestSocket.connect(withQuery("since=" + startedAt + "&token=" + TestTokens.wsToken(userId)))) {
            JsonObject established = resumed.next();
            latest = established.getLong("last_notification_id");
            JsonObject replayed = resumed.next().getJsonObject("notification");
            assertEquals("While away", replayed.getString("title"));
            assertEquals(latest, replayed.getLong("id"));
            assertEquals(List.of(), resumed.quietFor(Duration.ofMillis(300)));
        }
        try (TestSocket upToDate = TestSocket.connect(withQuery("since=" + latest + "&token=" + TestTokens.wsToken(userId)))) {
            assertEquals(latest, upToDate.next().getLong("last_notification_id"));
            assertEquals(List.of(), upToDate.quietFor(Duration.ofMillis(300)));
        }
    }

    @Test
    void orderEventsNotifyTheCustomerAndTheAssignedPartner() {
        String customer = TestTokens.newUserId();
        String partner = TestTokens.newUserId();
        String orderId = TestTokens.newUserId();
        try (TestSocket customerSocket = connect(customer); TestSocket partnerSocket = connect(partner)) {
            TestKafka.produce(Topic.ORDERS, TestEnvelopes.envelope("order.assigned", orderId, new JsonObject()
                    .put("order_id", orderId).put("order_number", "LC-1042").put("customer_id", customer)
                    .put("partner_id", partner).put("partner_name", "Ravi").put("pickup_address", "12 MG Road")));
            TestKafka.produce(Topic.ORDERS, TestEnvelopes.envelope("order.status_changed", orderId, new JsonObject()
                    .put("order_id", orderId).put("order_number", "LC-1042").put("customer_id", customer)
                    .put("partner_id", partner).put("status", "out_for_delivery").put("previous_status", "ready")));

            JsonObject forPartner = partnerSocket.next("notification").getJsonObject("notification");
            assertEquals("new_order", forPartner.getString("notification_type"));
            assertEquals(orderId, forPartner.getJsonObject("data").getString("order_id"));

            JsonObject forCustomer = customerSocket.next("notification").getJsonObject("notification");
            assertEquals("order_status", forCustomer.getString("notification_type"));
            assertEquals("Order LC-1042 is out for delivery", forCustomer.getString("title"));
            assertEquals(new JsonObject().put("order_id", orderId).put("order_number", "LC-1042").put("status", "out_for_delivery"),
                    forCustomer.getJsonObject("data"));
        }
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndDoNotStallThePartition() {
        String userId = TestTokens.newUserId();
        String marker = "malformed-" + TestTokens.newUserId();
        try (TopicTail deadLetters = TopicTail.ofDeadLetters(Topic.NOTIFICATIONS);
             TestSocket socket = connect(userId)) {
            TestKafka.produce(Topic.NOTIFICATIONS.topicName(), userId, "{\"not\":\"an event\",\"marker\":\"" + marker + "\"}");
            JsonObject invalid = NotificationEvents.requested(userId, "Bad latitude");
            invalid.getJsonObject("data").remove("title");
            invalid.put("marker", marker);
            TestKafka.produce(Topic.NOTIFICATIONS, invalid);
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, "After the bad ones"));
            assertEquals("After the bad ones", socket.next("notification").getJsonObject("notification").getString("title"));
            assertEquals(2, deadLetters.awaitRecords(
                    record -> record.value() != null && record.value().contains(marker), 2).size());
        }
    }
}
