package com.laundryconnect.realtime.partner.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** POST /internal/events (contract 9) through this service: written to Kafka, consumed, pushed to the partner. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class PublishApiTest {

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @Test
    void aServicesEarningsEventIsAcceptedAndReachesThePartner() {
        String partnerId = TestTokens.newUserId();
        CloudEvent credit = TestEvents.credit(partnerId, "order-77", "75.25", "INR");
        try (TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            given().header("Authorization", "Bearer " + serviceToken())
                    .contentType("application/json")
                    .body(EventCodec.toJsonString(credit))
                    .post("/internal/events")
                    .then().statusCode(202)
                    .body("accepted", equalTo(List.of(credit.id())));

            JsonObject update = partner.next();
            assertEquals("earnings_update", update.getString("type"));
            assertEquals("75.25", update.getString("amount"));
            assertEquals("75.25", update.getString("total"));
            assertEquals("order-77", update.getString("order_id"));
        }
    }

    @Test
    void anInvalidEventIsRefusedWithItsFieldErrors() {
        String body = """
                {"specversion":"1.0","id":"evt-invalid-1","type":"earnings.credited","source":"main-backend",
                 "data":{"order_id":"order-1","amount":"lots","currency":"INR"}}""";
        given().header("Authorization", "Bearer " + serviceToken())
                .contentType("application/json")
                .body(body)
                .post("/internal/events")
                .then().statusCode(400)
                .body("detail", notNullValue())
                .body("errors.field", hasItems("data.partner_id", "data.amount"));
    }

    @Test
    void aCustomerMayNotPublish() {
        given().header("Authorization", "Bearer " + TestTokens.accessToken(TestTokens.newUserId()))
                .contentType("application/json")
                .body(EventCodec.toJsonString(TestEvents.credit(TestTokens.newUserId(), "order-1", "1.00", "INR")))
                .post("/internal/events")
                .then().statusCode(403)
                .body("detail", notNullValue());
    }

    @Test
    void anAnonymousCallerIsUnauthorized() {
        given().contentType("application/json")
                .body(EventCodec.toJsonString(TestEvents.credit(TestTokens.newUserId(), "order-1", "1.00", "INR")))
                .post("/internal/events")
                .then().statusCode(401)
                .body("detail", notNullValue());
    }

    private static String serviceToken() {
        return TestTokens.accessToken("main-backend", false, List.of("service"));
    }
}
