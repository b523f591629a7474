package com.laundryconnect.realtime.session.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/** A poll's records split by partition, each partition's in the order read, the partitions in order of first record. */
final class PartitionShares {

    private PartitionShares() {
    }

    static List<List<KafkaRecord<String, String>>> of(List<KafkaRecord<String, String>> records) {
        Map<TopicPartition, List<KafkaRecord<String, String>>> byPartition = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.getTopic(), record.getPartition()),
                    partition -> new ArrayList<>()).add(record);
        }
        return List.copyOf(byPartition.values());
    }
}
