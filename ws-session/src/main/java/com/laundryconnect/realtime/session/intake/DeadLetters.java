package com.laundryconnect.realtime.session.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.laundryconnect.realtime.events.Topic;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Copies malformed records to their topic's {@code .dlq}, one by one, with the headers SmallRye's own dead-letter
 * strategy writes (reason, original topic, partition and offset), so the rest of a batch is still applied.
 */
@ApplicationScoped
class DeadLetters {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @Channel("realtime-dead-letters")
    MutinyEmitter<String> emitter;

    /** Returns once Kafka acknowledged every copy. Blocking: call from a worker thread. */
    void sendAll(Topic topic, List<RejectedRecord> rejected) {
        List<Uni<Void>> acknowledgements = rejected.stream().map(record -> send(topic, record)).toList();
        Uni.join().all(acknowledgements).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    private Uni<Void> send(Topic topic, RejectedRecord record) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", utf8(record.reason()));
        headers.add("dead-letter-topic", utf8(topic.topicName()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic.deadLetterTopicName())
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // A message cannot carry a null payload: a record without a value is copied with an empty one.
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A record that cannot be applied, where it was read from, and why. */
    record RejectedRecord(String key, String value, int partition, long offset, String reason) {
    }
}
