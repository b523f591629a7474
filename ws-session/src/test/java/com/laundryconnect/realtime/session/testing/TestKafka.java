package com.laundryconnect.realtime.session.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventType;
import com.laundryconnect.realtime.events.Topic;

import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.json.JsonObject;

/**
 * The real broker a service's tests use, the one its {@code %test} profile names: its topics, its consumer groups,
 * and records produced to it as the main backend and the other services produce them (keyed by the CloudEvent's
 * {@code subject}, acknowledged by every replica). {@link TopicTail} reads back what a service wrote.
 */
public final class TestKafka {

    /** The partitions of every topic of contract 8 in the tests, as in dev/ and ../k8s. */
    public static final int PARTITIONS = 3;

    private static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(30);

    private TestKafka() {
    }

    /**
     * {@code kafka.bootstrap.servers} of the {@code %test} profile, read as Quarkus reads it, so that a test JVM
     * outside Quarkus (a failsafe IT, a test resource) and the replicas it starts agree on the broker, and
     * {@code _TEST_KAFKA_BOOTSTRAP_SERVERS} moves them all to another one.
     */
    public static String bootstrapServers() {
        return Broker.BOOTSTRAP_SERVERS;
    }

    /** Creates every topic of contract 8 and its dead-letter topic unless it exists (the broker does not auto-create). */
    public static void ensureTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                if (!existing.contains(topic.topicName())) {
                    missing.add(new NewTopic(topic.topicName(), PARTITIONS, (short) 1));
                }
                if (!existing.contains(topic.deadLetterTopicName())) {
                    missing.add(new NewTopic(topic.deadLetterTopicName(), 1, (short) 1));
                }
            }
            for (var created : admin.createTopics(missing).values().values()) {
                try {
                    created.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the Kafka topics at " + bootstrapServers(), e);
        }
    }

    /**
     * Waits until the consumer group has exactly {@code members} consumers and has finished assigning partitions to
     * them, so that records produced afterwards are not held up by a rebalance.
     */
    public static void awaitStableGroup(String groupId, int members) {
        try (Admin admin = admin()) {
            Awaitility.await("consumer group " + groupId + " stable with " + members + " members")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                                .describedGroups().get(groupId).get(10, TimeUnit.SECONDS);
                        return group.groupState() == GroupState.STABLE && group.members().size() == members;
                    });
        }
    }

    /** Produces the event to its topic, keyed by its subject as contract 8 says, and waits for the acknowledgement. */
    public static void produce(CloudEvent event) {
        awaitAcknowledged(send(topicOf(event), null, event.subject(), EventCodec.toJsonString(event)));
    }

    /** Produces the event to one given partition, as a producer that keys differently might. */
    public static void produce(CloudEvent event, int partition) {
        awaitAcknowledged(send(topicOf(event), partition, event.subject(), EventCodec.toJsonString(event)));
    }

    /** Produces a CloudEvent written as JSON (possibly one the contract refuses) to a topic, keyed by its subject. */
    public static void produce(Topic topic, JsonObject event) {
        produce(topic.topicName(), event.getString("subject"), event.encode());
    }

    /** Produces any record, e.g. one that is not an event at all. */
    public static void produce(String topicName, String key, String value) {
        awaitAcknowledged(send(topicName, null, key, value));
    }

    /** Produces the events without waiting between them, as a busy producer does, then waits for all of them. */
    public static void produceAll(Topic topic, List<JsonObject> events) {
        List<Future<RecordMetadata>> acknowledgements = events.stream()
                .map(event -> send(topic.topicName(), null, event.getString("subject"), event.encode()))
                .toList();
        Broker.PRODUCER.flush();
        acknowledgements.forEach(TestKafka::awaitAcknowledged);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static Future<RecordMetadata> send(String topicName, Integer partition, String key, String value) {
        return Broker.PRODUCER.send(new ProducerRecord<>(topicName, partition, key, value));
    }

    private static void awaitAcknowledged(Future<RecordMetadata> acknowledgement) {
        try {
            acknowledgement.get(ACKNOWLEDGED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not take the record", e);
        }
    }

    private static String topicOf(CloudEvent event) {
        return EventType.fromType(event.type()).orElseThrow().topic().topicName();
    }

    /** Created on first use: token-service's tests use the kit's tokens and have no broker. */
    private static final class Broker {

        static final String BOOTSTRAP_SERVERS = new SmallRyeConfigBuilder()
                .withProfile("test")
                .addDefaultSources()
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250,
                        TestKafka.class.getClassLoader()))
                .build()
                .getOptionalValue("kafka.bootstrap.servers", String.class)
                .orElseThrow(() -> new IllegalStateException("the %test profile names no kafka.bootstrap.servers"));

        static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }
}
