package com.laundryconnect.realtime.faulttest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The main backend's side: {@code POST /internal/events} (contract 9) on one service, with a service access token.
 * Each request is sent without waiting for the previous one's answer, as independent backend requests are, so a
 * publish API that hangs does not slow the pace down. Answers are tallied by outcome ("202", "503", "timeout"...).
 */
final class Publisher {

    private static final String PATH = "/internal/events";
    /** Longer than any answer the publish API may take, so that a late 503 is seen as such. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    private final HttpClient http;
    private final String serviceToken;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> outcomes = new TreeMap<>();

    Publisher(Vertx vertx, String serviceToken) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(500).setMaxWaitQueueSize(-1));
        this.serviceToken = serviceToken;
    }

    /** Posts one event or a batch to the service on {@code port}; {@code onAccepted} gets each id of a 202. */
    void post(int port, JsonObject body, Consumer<String> onAccepted) {
        inFlight.incrementAndGet();
        send(port, body).onComplete(result -> {
            String outcome;
            if (result.succeeded()) {
                outcome = Integer.toString(result.result().status());
                if (result.result().status() == 202) {
                    result.result().body().getJsonArray("accepted", new JsonArray())
                            .forEach(id -> onAccepted.accept(String.valueOf(id)));
                }
            } else {
                outcome = String.valueOf(result.cause().getMessage()).toLowerCase(Locale.ROOT).contains("timeout")
                        ? "timeout" : "no answer";
            }
            synchronized (outcomes) {
                outcomes.merge(outcome, 1, Integer::sum);
            }
            inFlight.decrementAndGet();
        });
    }

    /** Posts {@code events} as one batch and waits for its 202. */
    void postAndAwait(int port, List<JsonObject> events) throws Exception {
        Answer answer = send(port, new JsonObject().put("events", new JsonArray(events)))
                .toCompletionStage().toCompletableFuture().get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        if (answer.status() != 202) {
            throw new IllegalStateException("POST " + PATH + " of " + events.size() + " set-up events answered "
                    + answer.status() + ": " + answer.body().encode());
        }
    }

    /** Waits, at most {@code maxMillis}, until every request sent has its answer or its time-out. */
    void awaitAnswers(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** How many requests ended how since the last call ("202": 2990, "503": 10), and starts counting again. */
    Map<String, Integer> takeOutcomes() {
        synchronized (outcomes) {
            Map<String, Integer> copy = new TreeMap<>(outcomes);
            outcomes.clear();
            return copy;
        }
    }

    private record Answer(int status, JsonObject body) {
    }

    private Future<Answer> send(int port, JsonObject body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                .setURI(PATH).setIdleTimeout(REQUEST_TIMEOUT.toMillis())
                .putHeader("Authorization", "Bearer " + serviceToken)
                .putHeader("Content-Type", "application/json");
        return http.request(options)
                .compose(request -> request.send(Buffer.buffer(body.encode())))
                .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(), parse(bytes))));
    }

    private static JsonObject parse(Buffer bytes) {
        try {
            return bytes.toJsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }
}
