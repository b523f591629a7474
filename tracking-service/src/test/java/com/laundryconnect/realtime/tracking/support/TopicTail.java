package com.laundryconnect.realtime.tracking.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.laundryconnect.realtime.events.Topic;

import io.vertx.core.json.JsonObject;

/** Reads what is written to a topic from the moment it is opened, to check what the service published. */
public final class TopicTail implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicTail(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTopics.BOOTSTRAP_SERVERS,
                ConsumerConfig.GROUP_ID_CONFIG, "tracking-tests-tail-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    public static TopicTail of(Topic topic) {
        return new TopicTail(topic.topicName());
    }

    public static TopicTail ofDeadLetters(Topic topic) {
        return new TopicTail(topic.deadLetterTopicName());
    }

    /** The first record since opening whose JSON value matches, waiting for it if needed. */
    public JsonObject await(Predicate<JsonObject> matches) {
        return new JsonObject(awaitRecord(record -> isJsonObject(record.value()) && matches.test(new JsonObject(record.value())))
                .value());
    }

    /** The first record since opening that matches, waiting for it if needed. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matches) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (matches.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + WAIT + "; saw " + seen.size());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Every record read so far with a JSON value that matches. */
    public List<JsonObject> seen(Predicate<JsonObject> matches) {
        return seen.stream().map(ConsumerRecord::value).filter(TopicTail::isJsonObject).map(JsonObject::new)
                .filter(matches).toList();
    }

    private static boolean isJsonObject(String value) {
        try {
            new JsonObject(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
