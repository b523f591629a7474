package com.laundryconnect.realtime.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void readyOnlyWhileItCanConsumeAndPush() {
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
