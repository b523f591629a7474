package com.laundryconnect.realtime.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class NotificationRestTest {

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    private static String userWithNotifications(String... titles) {
        String userId = TestTokens.newUserId();
        for (String title : titles) {
            TestKafka.produce(Topic.NOTIFICATIONS, NotificationEvents.requested(userId, title));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> list(userId, "").getList("results").size() == titles.length);
        return userId;
    }

    private static JsonPath list(String userId, String query) {
        return given().auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications/" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsNewestFirstWithACursor() {
        String userId = userWithNotifications("n1", "n2", "n3");
        JsonPath first = list(userId, "?limit=2");
        assertEquals(List.of("n3", "n2"), first.getList("results.title"));
        assertEquals(3, first.getInt("unread_count"));
        String cursor = first.getString("next_cursor");
        assertEquals(first.getList("results.id", Long.class).getLast().toString(), cursor);
        String next = first.getString("next");
        URI nextUri = URI.create(next);
        assertEquals("/api/notifications/", nextUri.getPath());

        JsonPath second = given().auth().oauth2(TestTokens.accessToken(userId))
                .get(nextUri.getRawPath() + "?" + nextUri.getRawQuery()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("n1"), second.getList("results.title"));
        assertEquals(null, second.getString("next"));
        assertEquals(null, second.getString("next_cursor"));
    }

    @Test
    void filtersUnreadAndMarksReadOverRestWithALivePush() {
        String userId = userWithNotifications("a", "b");
        long newest = list(userId, "").getLong("results[0].id");
        try (TestSocket socket = TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(userId)))) {
            assertEquals(2, socket.next().getInteger("unread_count"));
            given().auth().oauth2(TestTokens.accessToken(userId)).post("/api/notifications/" + newest + "/read/").then()
                    .statusCode(200).body("success", equalTo(true)).body("notification_id", equalTo((int) newest))
                    .body("marked", equalTo(1));
            assertEquals(1, socket.next("unread_count").getInteger("count"));
            given().auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications?unread=true").then()
                    .statusCode(200).body("results.title", contains("a")).body("unread_count", equalTo(1));

            given().auth().oauth2(TestTokens.accessToken(userId)).post("/api/notifications/read-all").then()
                    .statusCode(200).body("success", equalTo(true)).body("marked", equalTo(1));
            assertEquals(0, socket.next("unread_count").getInteger("count"));
        }
    }

    @Test
    void anotherUsersNotificationIsNotFound() {
        String owner = userWithNotifications("private");
        long id = list(owner, "").getLong("results[0].id");
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId())).post("/api/notifications/" + id + "/read/")
                .then().statusCode(404).body("detail", equalTo("Notification not found"));
        given().auth().oauth2(TestTokens.accessToken(owner)).post("/api/notifications/not-a-number/read/")
                .then().statusCode(404).body("detail", notNullValue());
        assertEquals(1, list(owner, "").getInt("unread_count"));
    }

    @Test
    void malformedParametersAreRefusedWith400() {
        String userId = TestTokens.newUserId();
        for (String query : List.of("?limit=0", "?limit=101", "?limit=ten", "?before=abc", "?before=-5", "?unread=maybe")) {
            given().auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications/" + query)
                    .then().statusCode(400).body("detail", notNullValue());
        }
    }

    @Test
    void requiresAnAccessToken() {
        given().get("/api/notifications/").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer")).body("detail", notNullValue());
        given().auth().oauth2(TestTokens.wsToken(TestTokens.newUserId())).get("/api/notifications/").then().statusCode(401);
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId())).delete("/api/notifications/").then()
                .statusCode(405).body("detail", notNullValue());
    }

    @Test
    void anEmptyInboxHasNoNextPage() {
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId())).get("/api/notifications/").then()
                .statusCode(200).body("results", hasSize(0)).body("next", nullValue()).body("next_cursor", nullValue())
                .body("unread_count", equalTo(0));
    }
}
