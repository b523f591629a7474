package com.laundryconnect.realtime.tracking.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import com.laundryconnect.realtime.events.Topic;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Creates the topics this service reads and writes, and their dead-letter twins, before the application starts. */
public class KafkaTopics implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    private static final List<Topic> USED = List.of(Topic.ORDERS, Topic.LOCATIONS, Topic.ORDER_MESSAGES);

    @Override
    public Map<String, String> start() {
        ensureExist();
        return Map.of();
    }

    @Override
    public void stop() {
    }

    public static void ensureExist() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS))) {
            Set<String> existing = admin.listTopics().names().get();
            for (Topic topic : USED) {
                create(admin, existing, new NewTopic(topic.topicName(), 3, (short) 1));
                create(admin, existing, new NewTopic(topic.deadLetterTopicName(), 1, (short) 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the Kafka topics", e);
        }
    }

    private static void create(Admin admin, Set<String> existing, NewTopic topic)
            throws InterruptedException, ExecutionException {
        if (existing.contains(topic.name())) {
            return;
        }
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
