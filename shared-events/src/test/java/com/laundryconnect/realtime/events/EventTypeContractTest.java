package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.laundryconnect.realtime.events.payload.EventPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event types against the table of contract section 8, copied here verbatim. */
class EventTypeContractTest {

    record ContractRow(String topic, String key, String type, String data) {

        List<String> fieldNames() {
            return Arrays.stream(data.split(",")).map(field -> field.strip().replace("?", "")).toList();
        }

        Set<String> optionalFieldNames() {
            return Arrays.stream(data.split(",")).map(String::strip).filter(field -> field.endsWith("?"))
                    .map(field -> field.replace("?", "")).collect(Collectors.toSet());
        }
    }

    static List<ContractRow> contractTable() {
        return List.of(
                new ContractRow("laundry.orders.v1", "order_id", "order.created",
                        "order_id, order_number, customer_id, status, total_amount, currency, pickup_address, items_count, scheduled_pickup"),
                new ContractRow("laundry.orders.v1", "order_id", "order.status_changed",
                        "order_id, order_number, customer_id, partner_id, status, previous_status, status_display?, note?"),
                new ContractRow("laundry.orders.v1", "order_id", "order.assigned",
                        "order_id, order_number, customer_id, partner_id, partner_name, pickup_address?, items_count?, total_amount?, currency?, scheduled_pickup?"),
                new ContractRow("laundry.orders.v1", "order_id", "order.eta_updated",
                        "order_id, eta"),
                new ContractRow("laundry.locations.v1", "order_id", "location.reported",
                        "order_id, partner_id, latitude, longitude, heading?, speed?, recorded_at"),
                new ContractRow("laundry.notifications.v1", "user_id", "notification.requested",
                        "user_id, title, message, notification_type, data?"),
                new ContractRow("laundry.partner-earnings.v1", "partner_id", "earnings.credited",
                        "partner_id, order_id, amount, currency"),
                new ContractRow("laundry.order-messages.v1", "order_id", "message.sent",
                        "message_id, order_id, order_number, sender_id, sender_role, recipient_id, message"));
    }

    @Test
    void thereIsExactlyOneEventTypePerContractRow() {
        Set<String> contractTypes = contractTable().stream().map(ContractRow::type).collect(Collectors.toSet());
        Set<String> eventTypes = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet());
        assertEquals(contractTypes, eventTypes);
        assertEquals(contractTable().size(), EventType.values().length);
    }

    @ParameterizedTest
    @MethodSource("contractTable")
    void topicAndKeyFieldMatchTheContract(ContractRow row) {
        EventType type = EventType.fromType(row.type()).orElseThrow();
        assertEquals(row.topic(), type.topic().topicName());
        assertEquals(row.topic() + ".dlq", type.topic().deadLetterTopicName());
        assertEquals(row.key(), type.keyField());
    }

    @ParameterizedTest
    @MethodSource("contractTable")
    void validatedFieldsMatchTheContract(ContractRow row) {
        List<DataField> fields = DataSchema.fieldsOf(EventType.fromType(row.type()).orElseThrow());
        assertEquals(row.fieldNames(), fields.stream().map(DataField::name).toList());
        assertEquals(row.optionalFieldNames(),
                fields.stream().filter(field -> !field.required()).map(DataField::name).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("contractTable")
    void payloadRecordHasTheContractFieldsAsJsonNames(ContractRow row) {
        Class<? extends EventPayload> payloadClass = EventType.fromType(row.type()).orElseThrow().payloadClass();
        List<String> jsonNames = Arrays.stream(payloadClass.getRecordComponents())
                .map(component -> component.getAccessor().getAnnotation(JsonProperty.class).value())
                .toList();
        assertEquals(row.fieldNames(), jsonNames);
    }

    @ParameterizedTest
    @MethodSource("contractTable")
    void keyFieldIsARequiredId(ContractRow row) {
        EventType type = EventType.fromType(row.type()).orElseThrow();
        DataField keyField = DataSchema.fieldsOf(type).stream()
                .filter(field -> field.name().equals(type.keyField())).findFirst().orElseThrow();
        assertTrue(keyField.required());
        assertEquals(FieldFormat.ID, keyField.format());
    }

    @Test
    void everyPayloadClassBelongsToExactlyOneEventType() {
        Set<Class<?>> permitted = Set.of(EventPayload.class.getPermittedSubclasses());
        Set<Class<?>> mapped = Arrays.stream(EventType.values()).map(EventType::payloadClass).collect(Collectors.toSet());
        assertEquals(permitted, mapped);
        assertEquals(EventType.values().length, mapped.size());
    }

    @Test
    void ofPayloadFindsTheTypeOfEachSample() {
        List<EventPayload> samples = SampleEvents.payloads();
        assertEquals(EventType.values().length, samples.size());
        for (EventPayload sample : samples) {
            assertSame(sample.getClass(), EventType.ofPayload(sample).payloadClass());
        }
    }

    @Test
    void fromTypeIsExactAndEmptyForUnknownTypes() {
        assertEquals(EventType.ORDER_ETA_UPDATED, EventType.fromType("order.eta_updated").orElseThrow());
        assertTrue(EventType.fromType("order.deleted").isEmpty());
        assertTrue(EventType.fromType("ORDER.CREATED").isEmpty());
        assertTrue(EventType.fromType(null).isEmpty());
    }
}
