package com.laundryconnect.realtime.tracking.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.FieldError;
import com.laundryconnect.realtime.events.InvalidEventException;

import io.quarkus.runtime.ShutdownEvent;

class RecordProcessingTest {

    private final RecordProcessing processing = new RecordProcessing();
    private final List<String> settlements = new CopyOnWriteArrayList<>();
    private final Message<String> record = Message.of("value",
            () -> {
                settlements.add("ack");
                return CompletableFuture.completedFuture(null);
            },
            failure -> {
                settlements.add("nack: " + failure.getMessage());
                return CompletableFuture.completedFuture(null);
            });

    @Test
    void aProcessedRecordIsAcknowledged() {
        processing.process("orders", record, value -> assertEquals("value", value));
        assertEquals(List.of("ack"), settlements);
    }

    @Test
    void aMalformedRecordIsNackedAtOnceForTheDeadLetterQueue() {
        AtomicInteger calls = new AtomicInteger();
        processing.process("orders", record, value -> {
            calls.incrementAndGet();
            throw new InvalidEventException(new FieldError("data.status", "is required"));
        });
        assertEquals(List.of("nack: data.status: is required"), settlements);
        assertEquals(1, calls.get());
    }

    @Test
    void aPassingFailureIsRetriedAndTheRecordAcknowledged() {
        AtomicInteger calls = new AtomicInteger();
        processing.process("orders", record, value -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database unavailable");
            }
        });
        assertEquals(List.of("ack"), settlements);
        assertEquals(3, calls.get());
    }

    @Test
    void whileStoppingAFailingRecordIsLeftForRedelivery() {
        processing.onStop(new ShutdownEvent());
        processing.process("orders", record, value -> {
            throw new IllegalStateException("EntityManagerFactory is closed");
        });
        assertEquals(List.of(), settlements);
    }
}
