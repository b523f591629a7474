package com.laundryconnect.realtime.session.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.laundryconnect.realtime.events.Topic;

import io.vertx.core.json.JsonObject;

/**
 * Reads what is written to a topic from the moment it is opened (a consumer of every partition, in no group), to
 * check what a service published or dead-lettered. Open it before the action whose records it should see.
 */
public final class TopicTail implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicTail(String topicName) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topicName).stream()
                .map(info -> new TopicPartition(topicName, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Seeking is lazy: asking for the positions fixes "the end" now, before the test acts.
        partitions.forEach(consumer::position);
    }

    public static TopicTail of(Topic topic) {
        return new TopicTail(topic.topicName());
    }

    public static TopicTail ofDeadLetters(Topic topic) {
        return new TopicTail(topic.deadLetterTopicName());
    }

    public static Predicate<ConsumerRecord<String, String>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    /** The first record since opening whose value is a JSON object that matches, waiting for it if needed. */
    public JsonObject await(Predicate<JsonObject> matches) {
        return new JsonObject(awaitRecords(record -> isJsonObject(record.value())
                && matches.test(new JsonObject(record.value())), 1).get(0).value());
    }

    /** Waits until {@code count} records since opening match, and returns every one seen that does. */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matches,
                                                             int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (records(matches).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + count + " matching records within " + WAIT + "; saw " + seen.size()
                        + ", " + records(matches).size() + " matching");
            }
            poll();
        }
        return records(matches);
    }

    /** Keeps reading for {@code duration}, then returns every record seen since opening that matches. */
    public List<ConsumerRecord<String, String>> readFor(Duration duration,
                                                        Predicate<ConsumerRecord<String, String>> matches) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return records(matches);
    }

    /** Every record read so far that matches, without reading further. */
    public List<ConsumerRecord<String, String>> records(Predicate<ConsumerRecord<String, String>> matches) {
        return seen.stream().filter(matches).toList();
    }

    /** Every record read so far whose value is a JSON object that matches, without reading further. */
    public List<JsonObject> seen(Predicate<JsonObject> matches) {
        return seen.stream().map(ConsumerRecord::value).filter(TopicTail::isJsonObject).map(JsonObject::new)
                .filter(matches).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
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
