package com.laundryconnect.realtime.partner.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.awaitility.Awaitility;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.EventType;
import com.laundryconnect.realtime.events.Topic;

/** The real broker the tests use: its topics, and records produced as the main backend would. */
public final class Kafka {

    public static final String BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final int PARTITIONS = 3;

    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    /** Creates every topic of contract 8 and its dead-letter topic unless it exists (the broker does not auto-create). */
    public static void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS))) {
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
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the Kafka topics at " + BOOTSTRAP_SERVERS, e);
        }
    }

    /**
     * Waits until the consumer group has exactly {@code members} consumers and has finished assigning partitions to
     * them, so that records produced afterwards are not held up by a rebalance.
     */
    public static void awaitStableGroup(String groupId, int members) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS))) {
            Awaitility.await("consumer group " + groupId + " stable with " + members + " members")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                                .describedGroups().get(groupId).get(10, TimeUnit.SECONDS);
                        return group.groupState() == GroupState.STABLE && group.members().size() == members;
                    });
        }
    }

    /** Produces the event to its topic, keyed as contract 8 says, and waits for the broker's acknowledgement. */
    public static void send(CloudEvent event) {
        send(topicOf(event), null, event.subject(), EventCodec.toJsonString(event));
    }

    /** Produces the event to one given partition, as a producer that keys differently might. */
    public static void sendToPartition(CloudEvent event, int partition) {
        send(topicOf(event), partition, event.subject(), EventCodec.toJsonString(event));
    }

    public static void sendRaw(String topic, String key, String value) {
        send(topic, null, key, value);
    }

    private static void send(String topic, Integer partition, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Producing to " + topic + " failed", e);
        }
    }

    private static String topicOf(CloudEvent event) {
        return EventType.fromType(event.type()).orElseThrow().topic().topicName();
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
