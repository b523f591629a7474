package com.laundryconnect.realtime.session.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.session.intake.EventBatchHandler;
import com.laundryconnect.realtime.session.intake.EventIntake;
import com.laundryconnect.realtime.session.intake.TakeOvers;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.core.json.JsonObject;

/**
 * Hands one record to a service's {@link EventIntake} as the Kafka connector would, at a chosen offset of a partition
 * that no consumer of the tests reads (partition 100 and up), and assigns such partitions as the Kafka consumer would
 * after a rebalance: a test decides whether a record was in its partition before the replica got it.
 */
public final class PartitionReads {

    private static final KafkaCommitHandler COMMITTED = new KafkaCommitHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            return Uni.createFrom().voidItem();
        }
    };

    private PartitionReads() {
    }

    /** Gives test partition {@code 100 + n} to this replica as a rebalance would, when it held {@code endOffset} records. */
    public static void assign(TakeOvers takeOvers, Topic topic, int testPartition, long endOffset) {
        TopicPartition where = new TopicPartition(topic.topicName(), 100 + testPartition);
        try (MockConsumer<String, String> consumer = new MockConsumer<>("earliest")) {
            consumer.updateEndOffsets(Map.of(where, endOffset));
            takeOvers.onPartitionsAssigned(consumer, List.of(where));
        }
    }

    /** One poll holding the CloudEvent alone, keyed by its subject, at that offset of test partition {@code 100 + n}. */
    public static void read(EventIntake intake, Topic topic, EventBatchHandler handler, JsonObject envelope,
                            int testPartition, long offset) throws Exception {
        TopicPartition where = new TopicPartition(topic.topicName(), 100 + testPartition);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(where.topic(), where.partition(), offset,
                envelope.getString("subject"), envelope.encode());
        IncomingKafkaRecordBatch<String, String> batch = new IncomingKafkaRecordBatch<>(
                new ConsumerRecords<>(Map.of(where, List.of(record)), Map.of()), "test", 0, COMMITTED, null, false,
                false);
        intake.consume(topic, batch, handler).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
