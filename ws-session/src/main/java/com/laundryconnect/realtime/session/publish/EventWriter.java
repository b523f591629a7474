package com.laundryconnect.realtime.session.publish;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.TypedEvent;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes validated events to their topics, keyed as contract 8 says, and returns only once Kafka acknowledged
 * every one of them ({@code acks=all}, idempotent producer).
 */
@ApplicationScoped
public class EventWriter {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel("realtime-publish")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    /** Blocking: call from a worker thread. */
    public void writeAll(List<TypedEvent> events) {
        List<Uni<Void>> acknowledgements = events.stream().map(this::write).toList();
        Uni.join().all(acknowledgements).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    private Uni<Void> write(TypedEvent event) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic().topicName())
                .withKey(event.key())
                .build();
        return emitter.sendMessage(Message.of(EventCodec.toJsonString(event.envelope())).addMetadata(metadata));
    }
}
