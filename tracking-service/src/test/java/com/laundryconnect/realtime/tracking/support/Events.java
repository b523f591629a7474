package com.laundryconnect.realtime.tracking.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.laundryconnect.realtime.events.Topic;

import io.vertx.core.json.JsonObject;

/** CloudEvents of contract 8 as the main backend and partner-service write them, produced to the real Kafka. */
public final class Events {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.BOOTSTRAP_SERVERS,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));

    private Events() {
    }

    public static JsonObject envelope(String type, String key, Instant time, JsonObject data) {
        JsonObject event = new JsonObject()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", type)
                .put("source", "tracking-service-tests")
                .put("subject", key)
                .put("datacontenttype", "application/json")
                .put("data", data);
        if (time != null) {
            event.put("time", time.toString());
        }
        return event;
    }

    public static JsonObject orderCreated(String orderId, String customerId, String status, Instant time) {
        return envelope("order.created", orderId, time, new JsonObject()
                .put("order_id", orderId).put("order_number", orderNumber(orderId)).put("customer_id", customerId)
                .put("status", status).put("total_amount", "249.50").put("currency", "INR")
                .put("pickup_address", "12 MG Road").put("items_count", 3)
                .put("scheduled_pickup", "2026-11-27T09:00:00Z"));
    }

    public static JsonObject statusChanged(String orderId, String customerId, String partnerId, String status,
                                           String previousStatus, Instant time) {
        return envelope("order.status_changed", orderId, time, new JsonObject()
                .put("order_id", orderId).put("order_number", orderNumber(orderId)).put("customer_id", customerId)
                .put("partner_id", partnerId).put("status", status).put("previous_status", previousStatus));
    }

    public static JsonObject assigned(String orderId, String customerId, String partnerId, String partnerName,
                                      Instant time) {
        return envelope("order.assigned", orderId, time, new JsonObject()
                .put("order_id", orderId).put("order_number", orderNumber(orderId)).put("customer_id", customerId)
                .put("partner_id", partnerId).put("partner_name", partnerName));
    }

    public static JsonObject etaUpdated(String orderId, Instant eta, Instant time) {
        return envelope("order.eta_updated", orderId, time, new JsonObject()
                .put("order_id", orderId).put("eta", eta.toString()));
    }

    public static JsonObject location(String orderId, String partnerId, double latitude, double longitude,
                                      Instant recordedAt) {
        return envelope("location.reported", orderId, recordedAt, new JsonObject()
                .put("order_id", orderId).put("partner_id", partnerId).put("latitude", latitude)
                .put("longitude", longitude).put("recorded_at", recordedAt.toString()));
    }

    public static JsonObject messageSent(String orderId, String senderId, String senderRole, String recipientId,
                                         String message) {
        return envelope("message.sent", orderId, Instant.now(), new JsonObject()
                .put("message_id", UUID.randomUUID().toString()).put("order_id", orderId)
                .put("order_number", orderNumber(orderId)).put("sender_id", senderId)
                .put("sender_role", senderRole).put("recipient_id", recipientId).put("message", message));
    }

    public static String orderNumber(String orderId) {
        return "LC-" + orderId.substring(0, 8);
    }

    public static void send(Topic topic, JsonObject event) {
        send(topic, event.getString("subject"), event.encode());
    }

    /** Produces one record and waits for Kafka's acknowledgement. */
    public static void send(Topic topic, String key, String value) {
        try {
            PRODUCER.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the record", e);
        }
    }

    /** Produces several records without waiting between them, as a busy producer does, then waits for all. */
    public static void sendAll(Topic topic, List<JsonObject> events) {
        var acks = events.stream()
                .map(event -> PRODUCER.send(new ProducerRecord<>(topic.topicName(), event.getString("subject"), event.encode())))
                .toList();
        PRODUCER.flush();
        for (var ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not take a record", e);
            }
        }
    }
}
