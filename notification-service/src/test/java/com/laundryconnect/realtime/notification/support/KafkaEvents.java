package com.laundryconnect.realtime.notification.support;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.vertx.core.json.JsonObject;

/** Produces records to the real Kafka broker the way the main backend does, and reads dead-letter topics back. */
public final class KafkaEvents {

    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            "bootstrap.servers", BOOTSTRAP, "acks", "all",
            "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));

    private KafkaEvents() {
    }

    public static JsonObject envelope(String type, String subject, JsonObject data) {
        return new JsonObject()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", type)
                .put("source", "laundryconnect-backend-test")
                .put("time", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("subject", subject)
                .put("datacontenttype", "application/json")
                .put("data", data);
    }

    public static JsonObject notificationRequested(String userId, String title) {
        return envelope("notification.requested", userId, new JsonObject()
                .put("user_id", userId).put("title", title).put("message", "Message of " + title)
                .put("notification_type", "promotion").put("data", new JsonObject().put("coupon", "LC50")));
    }

    public static void send(String topic, String key, String value) {
        try {
            PRODUCER.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    public static void sendNotification(JsonObject envelope) {
        send("laundry.notifications.v1", envelope.getString("subject"), envelope.encode());
    }

    public static void sendOrderEvent(JsonObject envelope) {
        send("laundry.orders.v1", envelope.getString("subject"), envelope.encode());
    }

    /** Records of a topic whose value contains {@code marker}, read from the start until {@code expected} are found. */
    public static List<String> recordsContaining(String topic, String marker, int expected, Duration wait) {
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", BOOTSTRAP, "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }
}
