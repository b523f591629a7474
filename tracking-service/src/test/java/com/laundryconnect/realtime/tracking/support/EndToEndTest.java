package com.laundryconnect.realtime.tracking.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.tracking.store.OrderView;
import com.laundryconnect.realtime.tracking.store.OrderViews;

import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.json.JsonObject;

/** What the end-to-end tests share: orders made through real Kafka events, and sockets to their tracking path. */
public abstract class EndToEndTest {

    protected static final Duration PROJECTED = Duration.ofSeconds(20);
    /** The browser origin the %test Origin allowlist admits; the tests send it as the guide's pages would. */
    public static final String ALLOWED_ORIGIN = "http://localhost:8000";

    @TestHTTPResource("/ws/orders/")
    protected URI ordersPath;

    @Inject
    protected OrderViews views;

    /** An order and its people, made by publishing order.created and order.assigned. */
    protected record TestOrder(String id, String customerId, String partnerId) {
        public String number() {
            return TestEvents.orderNumber(id);
        }
    }

    protected static String newOrderId() {
        return UUID.randomUUID().toString();
    }

    protected TestOrder assignedOrder() {
        TestOrder order = new TestOrder(newOrderId(), TestTokens.newUserId(), TestTokens.newUserId());
        TestKafka.produce(Topic.ORDERS, TestEvents.orderCreated(order.id(), order.customerId(), "confirmed", Instant.now()));
        TestKafka.produce(Topic.ORDERS, TestEvents.assigned(order.id(), order.customerId(), order.partnerId(), "Ravi Kumar",
                Instant.now()));
        awaitView(order.id(), view -> order.partnerId().equals(view.partnerId));
        return order;
    }

    protected OrderView awaitView(String orderId, Predicate<OrderView> condition) {
        return await().atMost(PROJECTED).until(() -> views.find(orderId).filter(condition).orElse(null),
                Objects::nonNull);
    }

    protected URI trackingUri(String orderId, String token) {
        return ordersPath.resolve(orderId + "/?token=" + token);
    }

    protected TestSocket connect(String orderId, String token) {
        return connect(trackingUri(orderId, token));
    }

    protected TestSocket connect(URI uri) {
        return TestSocket.connect(uri, Map.of("Origin", ALLOWED_ORIGIN), List.of());
    }

    /** Connects and returns the socket once its connection_established arrived. */
    protected TestSocket established(String orderId, String token) {
        TestSocket socket = connect(orderId, token);
        assertEquals("connection_established", socket.next().getString("type"));
        return socket;
    }

    protected static JsonObject nextOfType(TestSocket socket, String type) {
        JsonObject message = socket.next();
        assertEquals(type, message.getString("type"), () -> "expected " + type + " but got " + message.encode());
        return message;
    }
}
