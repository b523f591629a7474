package com.laundryconnect.realtime.localdev.kafka;

import com.laundryconnect.realtime.events.Topic;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.ArrayList;
import java.util.List;

/** Every topic of contract section 8 and its dead-letter twin, on a single broker (replication factor 1). */
public final class TopicPlan {

    private static final short SINGLE_BROKER_REPLICATION = 1;

    private TopicPlan() {
    }

    public static List<NewTopic> topics(int partitions, int deadLetterPartitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), partitions, SINGLE_BROKER_REPLICATION));
            topics.add(new NewTopic(topic.deadLetterTopicName(), deadLetterPartitions, SINGLE_BROKER_REPLICATION));
        }
        return List.copyOf(topics);
    }
}
