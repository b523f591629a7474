package com.laundryconnect.realtime.session.intake;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Which records another replica may have applied before this one was given their partition: those already in the
 * partition when it was assigned here (its end offset then). Every consumer of the services uses it, set once as a
 * connector default in {@code META-INF/microprofile-config.properties}. A record appended after the assignment can
 * only have been applied here, so finding it applied is a producer's retry, not a push that may never have gone out.
 * The connector finds it by its identifier, the intake by its type.
 */
@ApplicationScoped
@Default
@Identifier(TakeOvers.NAME)
public class TakeOvers implements KafkaConsumerRebalanceListener {

    static final String NAME = "realtime-intake-take-overs";

    /** Per assigned partition, its end offset when it was assigned here. */
    private final Map<TopicPartition, Long> endOffsetsWhenAssigned = new ConcurrentHashMap<>();

    /** Runs on the consumer's polling thread, inside its poll, where asking the broker is allowed. */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        endOffsetsWhenAssigned.putAll(consumer.endOffsets(partitions));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(endOffsetsWhenAssigned::remove);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(endOffsetsWhenAssigned::remove);
    }

    /** Whether the record was in its partition before the partition came to this replica. */
    boolean predatesAssignment(String topic, int partition, long offset) {
        Long endOffset = endOffsetsWhenAssigned.get(new TopicPartition(topic, partition));
        return endOffset != null && offset < endOffset;
    }
}
