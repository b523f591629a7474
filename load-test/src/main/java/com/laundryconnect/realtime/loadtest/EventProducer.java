package com.laundryconnect.realtime.loadtest;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces CloudEvents to Kafka, as the main backend would, and paces a fixed-rate stream of them. */
public final class EventProducer implements AutoCloseable {

    /** What one paced run did: how many were sent and how far behind its schedule the sender fell at worst. */
    public record Pacing(long sent, long planned, double seconds, double maxBehindMillis, boolean stoppedAtDeadline) {
        public double achievedRate() {
            return seconds > 0 ? sent / seconds : 0;
        }
    }

    /** Builds and sends event number {@code seq}. */
    public interface Step {
        void send(long seq);
    }

    private final KafkaProducer<String, String> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    EventProducer(String bootstrap, int lingerMillis) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "laundryconnect-load-test");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The publish timestamp is taken right before send(): any linger counts in the latency measured.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(properties);
    }

    void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
            if (failure == null) {
                acknowledged.incrementAndGet();
            } else {
                failed.incrementAndGet();
                lastFailure.set(failure.toString());
            }
        });
    }

    void flush() {
        producer.flush();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    String lastFailure() {
        return lastFailure.get();
    }

    /**
     * Sends {@code count} events at {@code ratePerSecond}, event {@code i} due at start + i / rate; never more than
     * {@code count}, and it stops at {@code maxSeconds} even if it fell behind. Progress is reported every 5 s.
     */
    public static Pacing paced(long count, double ratePerSecond, double maxSeconds, Step step, Consumer<Long> progressEvery5s) {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        double nanosPerEvent = 1e9 / ratePerSecond;
        long maxBehind = 0;
        long sent = 0;
        long nextProgress = start + TimeUnit.SECONDS.toNanos(5);
        boolean stoppedAtDeadline = false;
        for (long seq = 0; seq < count; seq++) {
            long due = start + (long) (seq * nanosPerEvent);
            long now = System.nanoTime();
            if (now >= deadline) {
                stoppedAtDeadline = true;
                break;
            }
            if (due > now) {
                LockSupport.parkNanos(due - now);
            } else {
                maxBehind = Math.max(maxBehind, now - due);
            }
            step.send(seq);
            sent++;
            if (System.nanoTime() >= nextProgress) {
                nextProgress += TimeUnit.SECONDS.toNanos(5);
                progressEvery5s.accept(sent);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pacing(sent, count, seconds, maxBehind / 1e6, stoppedAtDeadline);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(15));
    }
}
