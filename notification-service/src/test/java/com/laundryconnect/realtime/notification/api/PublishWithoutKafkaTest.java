package com.laundryconnect.realtime.notification.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.notification.support.NotificationEvents;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Contract 9 under a Kafka outage: the publish API's producer points at an address where no broker answers, as when
 * the broker is down. The caller must hear 503 with {@code Retry-After} within a few seconds (realtime.publish.timeout,
 * 5 s), not after the producer's defaults of 30 s and more.
 */
@QuarkusTest
@TestProfile(PublishWithoutKafkaTest.NoBrokerForThePublishApi.class)
class PublishWithoutKafkaTest {

    private static final Duration FAR_BELOW_THE_OLD_HANG = Duration.ofSeconds(15);

    public static class NoBrokerForThePublishApi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.realtime-publish.bootstrap.servers", "127.0.0.1:1");
        }
    }

    @Test
    void anUnreachableBrokerIsAnswered503WithRetryAfterWithinAFewSeconds() {
        long started = System.nanoTime();
        Response response = given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId(), "service"))
                .contentType("application/json")
                .body(NotificationEvents.requested(TestTokens.newUserId(), "While Kafka is away").encode())
                .post("/internal/events");
        Duration answeredAfter = Duration.ofNanos(System.nanoTime() - started);

        response.then().statusCode(503)
                .contentType("application/json")
                .header("Retry-After", "5")
                .body("detail", containsString("retry"));
        assertTrue(answeredAfter.compareTo(FAR_BELOW_THE_OLD_HANG) < 0, "answered after " + answeredAfter);
    }
}
