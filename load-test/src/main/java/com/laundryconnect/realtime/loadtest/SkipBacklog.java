package com.laundryconnect.realtime.loadtest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code skip-backlog GROUP [--execute]}: moves an idle consumer group's committed offsets on the contract topics to
 * their ends, so that a consumer group that was not running during a load test (a service's test profile on the
 * same local broker, say) does not have to work through the load test's events when it next starts. Without
 * {@code --execute} it only prints what it would do. A group with active members is left alone.
 */
final class SkipBacklog {

    private static final List<String> TOPICS = List.of(CloudEvents.NOTIFICATIONS, CloudEvents.ORDERS,
            CloudEvents.LOCATIONS, CloudEvents.PARTNER_EARNINGS, "laundry.order-messages.v1");

    private SkipBacklog() {
    }

    static int run(String bootstrap, String group, boolean execute) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(properties)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(15, TimeUnit.SECONDS).get(group);
            if (!description.members().isEmpty()) {
                System.out.println(group + " has " + description.members().size()
                        + " active members; offsets can only be moved while nothing consumes. Nothing changed.");
                return 1;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            committed.keySet().stream().filter(tp -> TOPICS.contains(tp.topic()))
                    .forEach(tp -> wanted.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(wanted).all()
                    .get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> moves = new HashMap<>();
            long skipped = 0;
            for (var entry : ends.entrySet()) {
                long from = committed.get(entry.getKey()).offset();
                long to = entry.getValue().offset();
                if (to > from) {
                    moves.put(entry.getKey(), new OffsetAndMetadata(to));
                    skipped += to - from;
                    System.out.printf("%s %s-%d: %d -> %d (%d records)%n", group, entry.getKey().topic(),
                            entry.getKey().partition(), from, to, to - from);
                }
            }
            if (moves.isEmpty()) {
                System.out.println(group + ": nothing to skip");
                return 0;
            }
            if (!execute) {
                System.out.println(group + ": would skip " + skipped + " records; run again with --execute to do it");
                return 0;
            }
            admin.alterConsumerGroupOffsets(group, moves).all().get(15, TimeUnit.SECONDS);
            System.out.println(group + ": skipped " + skipped + " records");
            return 0;
        } catch (Exception e) {
            System.out.println("skip-backlog failed: " + e);
            return 1;
        }
    }
}
