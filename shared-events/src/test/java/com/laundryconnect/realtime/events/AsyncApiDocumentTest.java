package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asyncapi.yaml against the Java contract and the WebSocket message lists of contract sections 5-7. */
class AsyncApiDocumentTest {

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("asyncapi.yaml").toFile());
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String reference = current.get("$ref").textValue();
            assertTrue(reference.startsWith("#/"), reference);
            current = document.at(reference.substring(1));
            assertFalse(current.isMissingNode(), "unresolved " + reference);
        }
        return current;
    }

    private static JsonNode channelWithAddress(String address) {
        return StreamSupport.stream(document.get("channels").spliterator(), false)
                .filter(channel -> address.equals(channel.path("address").textValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + address));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> textValues(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::textValue).collect(Collectors.toSet());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", document.get("asyncapi").textValue());
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertFalse(references.isEmpty());
        references.forEach(reference -> assertFalse(document.at(reference.substring(1)).isMissingNode(), reference));
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").textValue());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyTopicIsAKafkaChannel(Topic topic) {
        JsonNode channel = channelWithAddress(topic.topicName());
        assertEquals("kafka", resolve(channel.get("servers").get(0)).get("protocol").textValue());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOfItsTopicWithTheValidatedFields(EventType type) {
        JsonNode channel = channelWithAddress(type.topic().topicName());
        JsonNode message = StreamSupport.stream(channel.get("messages").spliterator(), false)
                .map(AsyncApiDocumentTest::resolve)
                .filter(candidate -> type.type().equals(candidate.path("name").textValue()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + type.type()));

        assertTrue(message.at("/bindings/kafka/key/description").textValue().contains("`data." + type.keyField() + "`"));

        JsonNode envelope = resolve(message.get("payload"));
        assertEquals("#/components/schemas/CloudEvent", envelope.at("/allOf/0/$ref").textValue());
        assertEquals(type.type(), envelope.at("/allOf/1/properties/type/const").textValue());

        JsonNode data = resolve(envelope.at("/allOf/1/properties/data"));
        List<DataField> fields = DataSchema.fieldsOf(type);
        assertEquals(fields.stream().map(DataField::name).toList(), fieldNames(data.get("properties")));
        assertEquals(fields.stream().filter(DataField::required).map(DataField::name).collect(Collectors.toSet()),
                textValues(data.get("required")));
    }

    @Test
    void orderStatusValuesMatchTheEnum() {
        assertEquals(Arrays.stream(OrderStatus.values()).map(OrderStatus::wireValue).collect(Collectors.toSet()),
                textValues(document.at("/components/schemas/OrderStatus/enum")));
    }

    @Test
    void notificationsSocketHasTheMessagesOfSection5() {
        assertWebSocketMessages("/ws/notifications/",
                Set.of("connection_established", "notification", "unread_count", "mark_read_response", "pong", "error"),
                Set.of("mark_read", "mark_all_read", "ping"));
    }

    @Test
    void orderTrackingSocketHasTheMessagesOfSection6() {
        assertWebSocketMessages("/ws/orders/{order_id}/",
                Set.of("connection_established", "order_update", "location", "eta_update", "partner_message",
                        "message_sent", "pong", "error"),
                Set.of("ping", "send_message", "partner_reply"));
    }

    @Test
    void partnerSocketHasTheMessagesOfSection7() {
        assertWebSocketMessages("/ws/partner/",
                Set.of("connection_established", "new_order", "earnings_update", "customer_message", "pong", "error"),
                Set.of("ping", "location_update"));
    }

    private static void assertWebSocketMessages(String address, Set<String> serverToClient, Set<String> clientToServer) {
        JsonNode channel = channelWithAddress(address);
        assertEquals("ws", resolve(channel.get("servers").get(0)).get("protocol").textValue());
        assertEquals(serverToClient, operationMessageTypes(channel, "send"));
        assertEquals(clientToServer, operationMessageTypes(channel, "receive"));
    }

    /** The {@code type} constants of the messages of the operation with {@code action} on {@code channel}. */
    private static Set<String> operationMessageTypes(JsonNode channel, String action) {
        JsonNode operation = StreamSupport.stream(document.get("operations").spliterator(), false)
                .filter(candidate -> action.equals(candidate.get("action").textValue())
                        && resolve(candidate.get("channel")) == channel)
                .findFirst()
                .orElseThrow(() -> new AssertionError(action + " operation of " + channel.get("address")));
        return StreamSupport.stream(operation.get("messages").spliterator(), false)
                .map(AsyncApiDocumentTest::resolve)
                .map(message -> {
                    String type = resolve(message.get("payload")).at("/properties/type/const").textValue();
                    assertEquals(message.get("name").textValue(), type);
                    return type;
                })
                .collect(Collectors.toSet());
    }
}
