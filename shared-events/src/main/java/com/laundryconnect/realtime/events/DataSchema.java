package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.laundryconnect.realtime.events.DataField.optional;
import static com.laundryconnect.realtime.events.DataField.required;
import static com.laundryconnect.realtime.events.FieldFormat.COUNT;
import static com.laundryconnect.realtime.events.FieldFormat.CURRENCY;
import static com.laundryconnect.realtime.events.FieldFormat.FINITE_NUMBER;
import static com.laundryconnect.realtime.events.FieldFormat.ID;
import static com.laundryconnect.realtime.events.FieldFormat.LATITUDE;
import static com.laundryconnect.realtime.events.FieldFormat.LONGITUDE;
import static com.laundryconnect.realtime.events.FieldFormat.MONEY;
import static com.laundryconnect.realtime.events.FieldFormat.OBJECT;
import static com.laundryconnect.realtime.events.FieldFormat.ORDER_STATUS;
import static com.laundryconnect.realtime.events.FieldFormat.SENDER_ROLE;
import static com.laundryconnect.realtime.events.FieldFormat.TEXT;
import static com.laundryconnect.realtime.events.FieldFormat.TIMESTAMP;

/** The {@code data} fields of each event type (contract section 8) and their validation. */
final class DataSchema {

    private static final Map<EventType, List<DataField>> FIELDS_BY_TYPE = new EnumMap<>(EventType.class);

    static {
        Arrays.stream(EventType.values()).forEach(type -> FIELDS_BY_TYPE.put(type, declaredFields(type)));
    }

    private DataSchema() {
    }

    static List<DataField> fieldsOf(EventType type) {
        return FIELDS_BY_TYPE.get(type);
    }

    /** Records a problem for every missing or malformed field of {@code data}; unknown extra fields are allowed. */
    static void check(EventType type, JsonNode data, String dataPath, List<FieldError> errors) {
        for (DataField field : fieldsOf(type)) {
            var value = field.required()
                    ? JsonFields.required(data, field.name(), dataPath, errors)
                    : JsonFields.optional(data, field.name());
            value.flatMap(field.format()::problemWith)
                    .ifPresent(message -> errors.add(new FieldError(JsonFields.child(dataPath, field.name()), message)));
        }
    }

    // A switch without default, so that adding an event type does not compile until its fields are declared.
    private static List<DataField> declaredFields(EventType type) {
        return switch (type) {
            case ORDER_CREATED -> List.of(
                    required("order_id", ID),
                    required("order_number", TEXT),
                    required("customer_id", ID),
                    required("status", ORDER_STATUS),
                    required("total_amount", MONEY),
                    required("currency", CURRENCY),
                    required("pickup_address", TEXT),
                    required("items_count", COUNT),
                    required("scheduled_pickup", TIMESTAMP));
            case ORDER_STATUS_CHANGED -> List.of(
                    required("order_id", ID),
                    required("order_number", TEXT),
                    required("customer_id", ID),
                    required("partner_id", ID),
                    required("status", ORDER_STATUS),
                    required("previous_status", ORDER_STATUS),
                    optional("status_display", TEXT),
                    optional("note", TEXT));
            case ORDER_ASSIGNED -> List.of(
                    required("order_id", ID),
                    required("order_number", TEXT),
                    required("customer_id", ID),
                    required("partner_id", ID),
                    required("partner_name", TEXT),
                    optional("pickup_address", TEXT),
                    optional("items_count", COUNT),
                    optional("total_amount", MONEY),
                    optional("currency", CURRENCY),
                    optional("scheduled_pickup", TIMESTAMP));
            case ORDER_ETA_UPDATED -> List.of(
                    required("order_id", ID),
                    required("eta", TIMESTAMP));
            case LOCATION_REPORTED -> List.of(
                    required("order_id", ID),
                    required("partner_id", ID),
                    required("latitude", LATITUDE),
                    required("longitude", LONGITUDE),
                    optional("heading", FINITE_NUMBER),
                    optional("speed", FINITE_NUMBER),
                    required("recorded_at", TIMESTAMP));
            case NOTIFICATION_REQUESTED -> List.of(
                    required("user_id", ID),
                    required("title", TEXT),
                    required("message", TEXT),
                    required("notification_type", TEXT),
                    optional("data", OBJECT));
            case EARNINGS_CREDITED -> List.of(
                    required("partner_id", ID),
                    required("order_id", ID),
                    required("amount", MONEY),
                    required("currency", CURRENCY));
            case MESSAGE_SENT -> List.of(
                    required("message_id", ID),
                    required("order_id", ID),
                    required("order_number", TEXT),
                    required("sender_id", ID),
                    required("sender_role", SENDER_ROLE),
                    required("recipient_id", ID),
                    required("message", TEXT));
        };
    }
}
