package com.laundryconnect.realtime.tracking.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.laundryconnect.realtime.session.testing.TestSocket;

import io.vertx.core.json.JsonObject;

/** Observes a refused connection: its {@code error} frame, close code and how long the refusal took. */
public final class Refusals {

    public record Refusal(JsonObject error, int closeCode, Duration took) {
    }

    private Refusals() {
    }

    public static Refusal of(URI uri, Map<String, String> headers) {
        long start = System.nanoTime();
        try (TestSocket socket = TestSocket.connect(uri, headers, List.of())) {
            int closeCode = socket.closeCode();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<String> frames = socket.quietFor(Duration.ZERO);
            return new Refusal(frames.isEmpty() ? null : new JsonObject(frames.getFirst()), closeCode, took);
        }
    }
}
