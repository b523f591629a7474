package com.laundryconnect.realtime.session.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What every WebSocket service answers on its health and unknown paths; each service's {@code HealthTest} is this
 * class run as a {@code @QuarkusTest} of that service.
 */
public abstract class ServiceHealthTest {

    @Test
    void readyOnlyWhileItCanConsumeAndPush() {
        // Right after start the consumers may not have reached the broker yet: not ready is the right answer then.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis connection health check",
                        "SmallRye Reactive Messaging - readiness check", "Redis fan-out subscription"));
    }

    @Test
    void unknownPathsAnswerJson() {
        given().get("/api/nothing-here").then().statusCode(404).body("detail", equalTo("Not found."));
    }
}
