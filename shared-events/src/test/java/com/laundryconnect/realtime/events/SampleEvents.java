package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.events.payload.EventPayload;
import com.laundryconnect.realtime.events.payload.LocationReported;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.NotificationRequested;
import com.laundryconnect.realtime.events.payload.OrderAssigned;
import com.laundryconnect.realtime.events.payload.OrderCreated;
import com.laundryconnect.realtime.events.payload.OrderEtaUpdated;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.OrderStatusChanged;
import com.laundryconnect.realtime.events.payload.SenderRole;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Valid example events of every type, as typed payloads and as raw JSON from a producer. */
final class SampleEvents {

    static final String ORDER_ID = "7f7c5a6e-2a61-4c59-9d0e-3f1b8e9a4c21";
    static final String CUSTOMER_ID = "5b0c1d2e-0000-4000-8000-000000000001";
    static final String PARTNER_ID = "5b0c1d2e-0000-4000-8000-000000000002";
    static final OffsetDateTime PICKUP = OffsetDateTime.parse("2026-11-26T15:45:30+05:30");

    private SampleEvents() {
    }

    static List<EventPayload> payloads() {
        ObjectNode notificationData = JsonNodeFactory.instance.objectNode()
                .put("order_id", ORDER_ID)
                .put("order_number", "LC-1042");
        return List.of(
                new OrderCreated(ORDER_ID, "LC-1042", CUSTOMER_ID, OrderStatus.PENDING, new BigDecimal("249.50"),
                        "INR", "12 MG Road, Bengaluru", 3, PICKUP),
                new OrderStatusChanged(ORDER_ID, "LC-1042", CUSTOMER_ID, PARTNER_ID, OrderStatus.OUT_FOR_DELIVERY,
                        OrderStatus.READY, "On the way", "Leave at the door"),
                new OrderAssigned(ORDER_ID, "LC-1042", CUSTOMER_ID, PARTNER_ID, "Ravi", "12 MG Road, Bengaluru", 3,
                        new BigDecimal("249.50"), "INR", PICKUP),
                new OrderEtaUpdated(ORDER_ID, OffsetDateTime.parse("2026-11-26T10:45:00.25Z")),
                new LocationReported(ORDER_ID, PARTNER_ID, 12.9716, 77.5946, 90.5, 8.25,
                        OffsetDateTime.parse("2026-11-26T10:15:30.123Z")),
                new NotificationRequested(CUSTOMER_ID, "Order LC-1042 is out for delivery", "Your laundry is on its way",
                        "order_status", notificationData),
                new EarningsCredited(PARTNER_ID, ORDER_ID, new BigDecimal("49.90"), "INR"),
                new MessageSent("msg-1", ORDER_ID, "LC-1042", CUSTOMER_ID, SenderRole.CUSTOMER, PARTNER_ID,
                        "Please ring the bell"));
    }

    /** A valid raw envelope of {@code type} carrying {@code dataJson}. */
    static ObjectNode envelope(String type, String dataJson) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0")
                .put("id", "0b6f5d0e-1c1f-4d8e-9f59-2f8f5b1c9e11")
                .put("type", type)
                .put("source", "laundryconnect-backend")
                .put("time", "2026-11-26T10:15:30.123Z")
                .put("subject", ORDER_ID)
                .put("datacontenttype", "application/json");
        envelope.set("data", EventCodec.readTree(dataJson));
        return envelope;
    }

    static ObjectNode envelope(EventType type) {
        return envelope(type.type(), rawData(type));
    }

    /** {@code data} as a producer might send it: every field, required and optional. */
    static String rawData(EventType type) {
        return switch (type) {
            case ORDER_CREATED -> """
                    {"order_id":"%s","order_number":"LC-1042","customer_id":"%s","status":"pending",
                     "total_amount":"249.50","currency":"INR","pickup_address":"12 MG Road, Bengaluru",
                     "items_count":3,"scheduled_pickup":"2026-11-26T15:45:30+05:30"}"""
                    .formatted(ORDER_ID, CUSTOMER_ID);
            case ORDER_STATUS_CHANGED -> """
                    {"order_id":"%s","order_number":"LC-1042","customer_id":"%s","partner_id":"%s",
                     "status":"out_for_delivery","previous_status":"ready","status_display":"On the way",
                     "note":"Leave at the door"}"""
                    .formatted(ORDER_ID, CUSTOMER_ID, PARTNER_ID);
            case ORDER_ASSIGNED -> """
                    {"order_id":"%s","order_number":"LC-1042","customer_id":"%s","partner_id":"%s",
                     "partner_name":"Ravi","pickup_address":"12 MG Road, Bengaluru","items_count":3,
                     "total_amount":"249.50","currency":"INR","scheduled_pickup":"2026-11-26T15:45:30+05:30"}"""
                    .formatted(ORDER_ID, CUSTOMER_ID, PARTNER_ID);
            case ORDER_ETA_UPDATED -> """
                    {"order_id":"%s","eta":"2026-11-26T10:45:00.25Z"}"""
                    .formatted(ORDER_ID);
            case LOCATION_REPORTED -> """
                    {"order_id":"%s","partner_id":"%s","latitude":12.9716,"longitude":77.5946,
                     "heading":90.5,"speed":8.25,"recorded_at":"2026-11-26T10:15:30.123Z"}"""
                    .formatted(ORDER_ID, PARTNER_ID);
            case NOTIFICATION_REQUESTED -> """
                    {"user_id":"%s","title":"Order LC-1042 is out for delivery",
                     "message":"Your laundry is on its way","notification_type":"order_status",
                     "data":{"order_id":"%s","order_number":"LC-1042"}}"""
                    .formatted(CUSTOMER_ID, ORDER_ID);
            case EARNINGS_CREDITED -> """
                    {"partner_id":"%s","order_id":"%s","amount":"49.90","currency":"INR"}"""
                    .formatted(PARTNER_ID, ORDER_ID);
            case MESSAGE_SENT -> """
                    {"message_id":"msg-1","order_id":"%s","order_number":"LC-1042","sender_id":"%s",
                     "sender_role":"customer","recipient_id":"%s","message":"Please ring the bell"}"""
                    .formatted(ORDER_ID, CUSTOMER_ID, PARTNER_ID);
        };
    }

    static ObjectNode data(JsonNode envelope) {
        return (ObjectNode) envelope.get("data");
    }
}
