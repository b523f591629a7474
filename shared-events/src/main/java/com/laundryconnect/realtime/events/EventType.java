package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.events.payload.EventPayload;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.NotificationRequested;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderEtaUpdated;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event types of contract section 8: type string, topic, payload record and Kafka key field. */
public enum EventType {
    ORDER_CREATED("order.created", Topic.ORDERS, OrderCreated.class, "order_id"),
    ORDER_STATUS_CHANGED("order.status_changed", Topic.ORDERS, OrderStatusChanged.class, "order_id"),
    ORDER_ASSIGNED("order.assigned", Topic.ORDERS, OrderAssigned.class, "order_id"),
    ORDER_ETA_UPDATED("order.eta_updated", Topic.ORDERS, OrderEtaUpdated.class, "order_id"),
    LOCATION_REPORTED("location.reported", Topic.LOCATIONS, LocationReported.class, "order_id"),
    NOTIFICATION_REQUESTED("notification.requested", Topic.NOTIFICATIONS, NotificationRequested.class, "user_id"),
    EARNINGS_CREDITED("earnings.credited", Topic.PARTNER_EARNINGS, EarningsCredited.class, "partner_id"),
    MESSAGE_SENT("message.sent", Topic.ORDER_MESSAGES, MessageSent.class, "order_id");

    /** Looked up for every event read, several times: a map, not a scan of the values. */
    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(eventType -> eventType.type, eventType -> eventType));

    private final String type;
    private final Topic topic;
    private final Class<? extends EventPayload> payloadClass;
    private final String keyField;

    EventType(String type, Topic topic, Class<? extends EventPayload> payloadClass, String keyField) {
        this.type = type;
        this.topic = topic;
        this.payloadClass = payloadClass;
        this.keyField = keyField;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code order.created}. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** The {@code data} field whose value is the Kafka record key (and the envelope's {@code subject}). */
    public String keyField() {
        return keyField;
    }

    /**
     * The Kafka record key of an event of this type: the key field of its {@code data} as text, so an
     * integer id becomes its decimal text.
     *
     * @throws IllegalArgumentException if {@code data} lacks the key field
     */
    public String keyOf(JsonNode data) {
        return data.required(keyField).asText();
    }

    public static Optional<EventType> fromType(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType ofPayload(EventPayload payload) {
        return Arrays.stream(values())
                .filter(eventType -> eventType.payloadClass == payload.getClass())
                .findFirst()
                .orElseThrow();
    }
}
