package com.laundryconnect.realtime.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.TestEnvelopes;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** POST /internal/events (contract 9) as served by this service. */
@QuarkusTest
class PublishApiTest {

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @TestHTTPResource("/internal/events")
    URI publishApi;

    @Test
    void acceptedEventsAreWrittenToKafkaAndReachTheUser() {
        String userId = TestTokens.newUserId();
        JsonObject first = NotificationEvents.requested(userId, "Published 1");
        JsonObject second = NotificationEvents.requested(userId, "Published 2");
        try (TestSocket socket = TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(userId)))) {
            socket.next();
            given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json")
                    .body(new JsonObject().put("events", new JsonArray().add(first).add(second).add(first)).encode())
                    .post("/internal/events").then()
                    .statusCode(202)
                    .body("accepted", contains(first.getString("id"), second.getString("id")));
            assertEquals("Published 1", socket.next("notification").getJsonObject("notification").getString("title"));
            assertEquals("Published 2", socket.next("notification").getJsonObject("notification").getString("title"));
            socket.next("unread_count");
            assertEquals(List.of(), socket.quietFor(Duration.ofMillis(500)).stream()
                    .filter(frame -> frame.contains("\"notification\"")).toList());
        }
    }

    @Test
    void anInvalidEventIsRefusedWithFieldErrorsAndNothingOfTheRequestIsWritten() {
        String userId = TestTokens.newUserId();
        JsonObject valid = NotificationEvents.requested(userId, "Must not be written");
        JsonObject location = TestEnvelopes.envelope("location.reported", "o1", new JsonObject()
                .put("order_id", "o1").put("partner_id", "p1").put("latitude", 91.5).put("longitude", 10)
                .put("recorded_at", "2026-11-26T10:15:30Z"));
        given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json")
                .body(new JsonObject().put("events", new JsonArray().add(valid).add(location)).encode())
                .post("/internal/events").then()
                .statusCode(400)
                .body("detail", notNullValue())
                .body("errors.event", hasItem(1))
                .body("errors.field", hasItem("data.latitude"));
        given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json")
                .body(TestEnvelopes.envelope("laundry.unknown", "x", new JsonObject()).encode())
                .post("/internal/events").then().statusCode(400).body("errors.field", hasItem("type"));
        given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json")
                .body(NotificationEvents.requested(userId, "nul \u0000 inside").encode())
                .post("/internal/events").then().statusCode(400);
        given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json").body("{not json")
                .post("/internal/events").then().statusCode(400).body("detail", notNullValue());

        given().auth().oauth2(TestTokens.accessToken(userId)).get("/api/notifications/").then()
                .statusCode(200).body("results.size()", equalTo(0));
    }

    @Test
    void onlyServiceCallersMayPublish() {
        String body = NotificationEvents.requested(TestTokens.newUserId(), "x").encode();
        given().contentType("application/json").body(body).post("/internal/events").then().statusCode(401)
                .body("detail", notNullValue());
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId())).contentType("application/json").body(body)
                .post("/internal/events").then().statusCode(403).body("detail", notNullValue());
    }

    @Test
    void oversizedRequestsAreRefusedWith413() {
        JsonArray events = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            events.add(NotificationEvents.requested("u", "t"));
        }
        given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json")
                .body(new JsonObject().put("events", events).encode())
                .post("/internal/events").then().statusCode(413).body("detail", notNullValue());
        given().auth().oauth2(TestTokens.serviceAccessToken()).contentType("application/json")
                .body(new JsonObject().put("pad", "x".repeat(1024 * 1024)).encode())
                .post("/internal/events").then().statusCode(413).body("detail", notNullValue());
    }

    /** A plain client sends its whole body before it reads (no Expect: 100-continue); it must still read the 413. */
    @Test
    void aClientThatSendsTenMebibytesBeforeReadingReadsThe413() throws IOException {
        byte[] body = new JsonObject().put("pad", "x".repeat(10 * 1024 * 1024)).encode()
                .getBytes(StandardCharsets.US_ASCII);
        String head = "POST " + publishApi.getPath() + " HTTP/1.1\r\n"
                + "Host: " + publishApi.getHost() + ":" + publishApi.getPort() + "\r\n"
                + "Authorization: Bearer " + TestTokens.serviceAccessToken() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket(publishApi.getHost(), publishApi.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();

            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
            int contentLength = -1;
            for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase().startsWith("content-length:")) {
                    contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            char[] answer = new char[contentLength];
            assertEquals(contentLength, in.read(answer, 0, contentLength));
            assertTrue(new JsonObject(new String(answer)).getString("detail").contains("exceeds"), new String(answer));
        }
    }
}
