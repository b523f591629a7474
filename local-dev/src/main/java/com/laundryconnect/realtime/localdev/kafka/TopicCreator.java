package com.laundryconnect.realtime.localdev.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the topics that are missing; topics that exist already are left exactly as they are. Every call is bounded
 * by the Admin client's {@code default.api.timeout.ms}.
 */
public final class TopicCreator {

    private final Admin admin;

    public TopicCreator(Admin admin) {
        this.admin = admin;
    }

    /** @return the topics that were created, in plan order */
    public List<NewTopic> createMissing(List<NewTopic> plan) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = plan.stream().filter(topic -> !existing.contains(topic.name())).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        List<NewTopic> created = new ArrayList<>();
        for (NewTopic topic : missing) {
            try {
                results.get(topic.name()).get();
                created.add(topic);
            } catch (ExecutionException e) {
                // Another run may have created it since we listed the topics: that is the state we want.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return List.copyOf(created);
    }
}
