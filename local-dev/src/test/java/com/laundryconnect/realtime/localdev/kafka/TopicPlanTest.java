package com.laundryconnect.realtime.localdev.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicPlanTest {

    @Test
    void plansEveryContractTopicAndItsDeadLetterTwinOnOneReplica() {
        List<NewTopic> plan = TopicPlan.topics(3, 1);

        Map<String, Integer> partitionsByTopic = plan.stream()
                .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));
        assertEquals(Map.of(
                "laundry.orders.v1", 3, "laundry.orders.v1.dlq", 1,
                "laundry.locations.v1", 3, "laundry.locations.v1.dlq", 1,
                "laundry.notifications.v1", 3, "laundry.notifications.v1.dlq", 1,
                "laundry.partner-earnings.v1", 3, "laundry.partner-earnings.v1.dlq", 1,
                "laundry.order-messages.v1", 3, "laundry.order-messages.v1.dlq", 1), partitionsByTopic);
        plan.forEach(topic -> assertEquals((short) 1, topic.replicationFactor()));
    }
}
