package com.laundryconnect.realtime.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.localdev.edge.NginxEdge;
import com.laundryconnect.realtime.session.testing.Replica;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The packaged token-, tracking- and partner-service behind the local edge, nginx configured from the Ingress exactly
 * as dev/up configures it: a customer
 * and a partner get WS tokens from token-service and use the endpoints it hands out, exactly as the guide's clients
 * do, and a partner's location and a customer's chat message cross from one service to the other through Kafka.
 */
class SuiteIT {

    private static final Path REPO = Path.of(System.getProperty("repo.root", ".."));
    private static final List<Replica> SERVICES = new ArrayList<>();
    private static NginxEdge nginx;
    private static Replica tracking;
    private static String edge;

    @BeforeAll
    static void startSuite() throws Exception {
        Replica token = start("token-service", "realtime.signing-keys.jwks=" + testSigningKeys());
        tracking = start("tracking-service");
        Replica partner = start("partner-service");
        SERVICES.forEach(Replica::awaitReady);

        Path ports = Files.createTempFile("services", ".properties");
        Files.writeString(ports, "token-service=" + token.port() + "\ntracking-service=" + tracking.port()
                + "\npartner-service=" + partner.port() + "\nnotification-service=1\n");
        Path edgeState = Files.createTempDirectory("suite-e2e-edge");
        nginx = NginxEdge.start(REPO.resolve("k8s/base/ingress.yaml"), ports, edgeState.resolve("console"), edgeState);
        edge = "http://127.0.0.1:" + nginx.port();
    }

    private static Replica start(String service, String... extraSystemProperties) throws IOException {
        Replica replica = Replica.start(service, REPO.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                extraSystemProperties);
        SERVICES.add(replica);
        return replica;
    }

    /** token-service's test signing keys, which live with its tests and so are not in its packaged jar. */
    private static String testSigningKeys() throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(
                REPO.resolve("token-service/src/test/resources/META-INF/microprofile-config.properties"))) {
            config.load(reader);
        }
        return config.getProperty("%test.realtime.signing-keys.jwks");
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        SERVICES.forEach(Replica::close);
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void aPartnersLocationAndACustomersMessageCrossTheServicesThroughTheIngressRoutes() {
        String customer = TestTokens.newUserId();
        String partner = TestTokens.newUserId();
        String orderId = UUID.randomUUID().toString();
        publish(event("order.created", orderId, new JsonObject().put("order_id", orderId).put("order_number", "LC-7001")
                .put("customer_id", customer).put("status", "confirmed").put("total_amount", "249.50")
                .put("currency", "INR").put("pickup_address", "12 MG Road").put("items_count", 4)
                .put("scheduled_pickup", "2026-11-27T09:00:00Z")));
        publish(event("order.assigned", orderId, new JsonObject().put("order_id", orderId).put("order_number", "LC-7001")
                .put("customer_id", customer).put("partner_id", partner).put("partner_name", "Ravi")));

        JsonObject customerTokens = wsTokens(TestTokens.accessToken(customer));
        JsonObject partnerTokens = wsTokens(TestTokens.accessToken(partner, true, List.of("partner")));
        String trackingUrl = customerTokens.getJsonObject("endpoints").getString("order_tracking").replace("{order_id}", orderId);

        try (TestSocket customerSocket = established(toEdge(trackingUrl));
             TestSocket partnerSocket = established(toEdge(partnerTokens.getJsonObject("endpoints").getString("partner")))) {
            JsonObject update = new JsonObject().put("type", "location_update").put("order_id", orderId)
                    .put("latitude", 12.9716).put("longitude", 77.5946).put("heading", 90);
            JsonObject location = sendUntilReceived(partnerSocket, update, customerSocket, "location");
            assertEquals(12.9716, location.getDouble("latitude"));
            assertEquals(77.5946, location.getDouble("longitude"));

            JsonObject chat = new JsonObject().put("type", "send_message").put("message", "Please ring twice");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                customerSocket.send(chat);
                return customerSocket.next("message_sent").getBoolean("success");
            });
            JsonObject message = partnerSocket.next("customer_message");
            assertEquals(orderId, message.getString("order_id"));
            assertEquals("Please ring twice", message.getString("message"));
            assertEquals(customer, message.getString("sender_id"));
        }
    }

    @Test
    void theEdgeRoutesOnlyThePublicPaths() {
        given().get(edge + "/internal/other").then().statusCode(404).body("detail", equalTo("Not found."));
        given().get(edge + "/api/realtime/token/").then().statusCode(401);
        given().get(edge + "/api/realtime/jwks.json").then().statusCode(200);
    }

    /**
     * Sends {@code message} until {@code receiver} gets a message of {@code type}: partner-service refuses a location for
     * an order until its own consumer has seen the assignment, which travels through Kafka on its own schedule.
     */
    private static JsonObject sendUntilReceived(TestSocket sender, JsonObject message, TestSocket receiver, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            sender.send(message);
            return receiver.quietFor(Duration.ofSeconds(2)).stream().map(JsonObject::new)
                    .filter(frame -> type.equals(frame.getString("type"))).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    /** The contract's URLs name ws://localhost:8000; this suite's edge listens on a free port instead. */
    private static URI toEdge(String advertised) {
        URI uri = URI.create(advertised);
        return URI.create(edge + uri.getRawPath() + "?" + uri.getRawQuery());
    }

    private static JsonObject wsTokens(String accessToken) {
        return new JsonObject(given().auth().oauth2(accessToken).get(edge + "/api/realtime/token/")
                .then().statusCode(200).extract().asString());
    }

    /** Connects until the service has the order (its events travel through Kafka first). */
    private static TestSocket established(URI uri) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            TestSocket socket = TestSocket.connect(uri);
            if ("connection_established".equals(socket.next().getString("type"))) {
                return socket;
            }
            socket.close();
            return null;
        }, Objects::nonNull);
    }

    private static JsonObject event(String type, String subject, JsonObject data) {
        return new JsonObject().put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("type", type)
                .put("source", "suite-e2e").put("time", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("subject", subject).put("data", data);
    }

    /** Through tracking-service's publish API, as the main backend does; /internal is not routed by the edge. */
    private static void publish(JsonObject event) {
        given().auth().oauth2(TestTokens.accessToken(TestTokens.newUserId(), "service")).contentType("application/json")
                .body(new JsonObject().put("events", new JsonArray().add(event)).encode())
                .post(tracking.uri("/internal/events").toString()).then().statusCode(202);
    }
}
