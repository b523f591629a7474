package com.laundryconnect.realtime.tracking.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;
import com.laundryconnect.realtime.tracking.support.EndToEndTest;
import com.laundryconnect.realtime.tracking.support.TestEvents;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** POST /internal/events (contract 9) served by this service: written to Kafka, then consumed like any event. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class PublishApiTest extends EndToEndTest {

    @Test
    void aServiceCallersEventIsWrittenToKafkaAndReachesTheOrdersSockets() {
        TestOrder order = assignedOrder();
        JsonObject event = TestEvents.statusChanged(order.id(), order.customerId(), order.partnerId(), "ready",
                "in_process", Instant.now());
        JsonObject location = TestEvents.location(order.id(), order.partnerId(), 28.6139, 77.209, Instant.now());
        try (TopicTail orders = TopicTail.of(Topic.ORDERS);
             TestSocket customer = established(order.id(), TestTokens.wsToken(order.customerId()))) {
            given().header("Authorization", "Bearer " + TestTokens.serviceAccessToken()).contentType("application/json")
                    .body(new JsonObject().put("events", List.of(event, location)).encode())
                    .post("/internal/events")
                    .then().statusCode(202)
                    .body("accepted", equalTo(List.of(event.getString("id"), location.getString("id"))));

            assertEquals(order.id(), orders.await(e -> event.getString("id").equals(e.getString("id")))
                    .getJsonObject("data").getString("order_id"));
            // Two topics, two consumers: the status and the location may arrive in either order.
            Map<String, JsonObject> received = new HashMap<>();
            while (!received.keySet().containsAll(Set.of("order_update", "location"))) {
                JsonObject message = customer.next();
                received.put(message.getString("type"), message);
            }
            assertEquals("ready", received.get("order_update").getJsonObject("update").getString("status"));
            assertEquals(28.6139, received.get("location").getDouble("latitude"));
        }
    }

    @Test
    void callersWhoAreNotServicesAreRefused() {
        String body = TestEvents.etaUpdated(newOrderId(), Instant.now(), Instant.now()).encode();
        given().contentType("application/json").body(body).post("/internal/events").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.accessToken(TestTokens.newUserId())).contentType("application/json")
                .body(body).post("/internal/events").then().statusCode(403).body("detail", equalTo(
                        "You do not have permission to perform this action."));
    }

    @Test
    void anInvalidEventIsRefusedWithFieldErrors() {
        JsonObject outOfRange = TestEvents.location(newOrderId(), TestTokens.newUserId(), 95, 0, Instant.now());
        given().header("Authorization", "Bearer " + TestTokens.serviceAccessToken()).contentType("application/json")
                .body(outOfRange.encode()).post("/internal/events")
                .then().statusCode(400);
    }
}
