package com.laundryconnect.realtime.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag of the consumer groups on a topic (end offset minus committed offset, summed over partitions): tells
 * "still queued in Kafka" apart from "consumed but never delivered" when a run ends with missing messages.
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Lag per consumer group that has committed offsets on {@code topic}; a failure is reported as text. */
    static Map<String, Long> onTopic(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Map<String, Long> lagByGroup = new HashMap<>();
        try (Admin admin = Admin.create(properties)) {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                groups.add(listing.groupId());
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                long lag = 0;
                boolean onTopic = false;
                for (var entry : committed.entrySet()) {
                    if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
                        onTopic = true;
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                if (onTopic) {
                    lagByGroup.put(group, lag);
                }
            }
        } catch (Exception e) {
            lagByGroup.put("(lag unavailable: " + e.getClass().getSimpleName() + ")", -1L);
        }
        return lagByGroup;
    }
}
