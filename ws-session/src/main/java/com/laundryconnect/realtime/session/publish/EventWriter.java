package com.laundryconnect.realtime.session.publish;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.laundryconnect.realtime.events.EventCodec;
import com.laundryconnect.realtime.events.TypedEvent;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Writes validated events to their topics, keyed as contract 8 says, and returns only once Kafka acknowledged
 * every one of them ({@code acks=all}, idempotent producer), or fails after {@link PublishConfig#timeout()}.
 */
@ApplicationScoped
public class EventWriter {

    @Inject
    @Channel("realtime-publish")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    @Inject
    PublishConfig config;

    /** Blocking: call from a worker thread. Throws {@link EventsNotWrittenException} when Kafka did not acknowledge. */
    public void writeAll(List<TypedEvent> events) {
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Uni<Void>> acknowledgements = events.stream()
                .map(event -> write(event).onFailure().invoke(failure -> firstFailure.compareAndSet(null, failure)))
                .toList();
        try {
            Uni.join().all(acknowledgements).andFailFast().await().atMost(config.timeout());
        } catch (TimeoutException e) {
            // The producer's own failure, when one came in already, says more than the timeout does.
            Throwable cause = firstFailure.get() == null ? e : firstFailure.get();
            throw new EventsNotWrittenException("Kafka did not acknowledge all " + events.size()
                    + " event(s) within " + config.timeout().toMillis() + " ms", cause);
        } catch (RuntimeException e) {
            throw new EventsNotWrittenException("the producer gave up on a write", e);
        }
    }

    private Uni<Void> write(TypedEvent event) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic().topicName())
                .withKey(event.key())
                .build();
        return emitter.sendMessage(Message.of(EventCodec.toJsonString(event.envelope())).addMetadata(metadata));
    }
}
