package com.laundryconnect.realtime.session.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Carries messages for a routing key (a user, an order) to the replicas of this service that hold a session for it,
 * through one Redis pub/sub channel per key. A replica subscribes to a key's channel while it holds at least one
 * session of that key, so it receives and parses only what its own sessions need: adding replicas adds capacity
 * instead of multiplying the work of each event.
 *
 * <p>Publishing is one pipelined round trip per batch of deliveries, whatever the number of keys. The subscription
 * runs on a connection of its own whose message handler is in place before anything is subscribed, and it is
 * re-established with back-off, with every key held at the time, whenever that connection fails or ends.
 */
@ApplicationScoped
class ClusterFanout {

    private static final Logger LOG = Logger.getLogger(ClusterFanout.class);
    private static final char SEPARATOR = '\n';
    private static final long MAX_RECONNECT_DELAY_MILLIS = 5_000;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final Redis redis;
    private final Vertx vertx;
    private final String channelPrefix;
    /** Sessions this replica holds per routing key; a key is subscribed while its count is above zero. */
    private final Map<String, Integer> sessionsPerKey = new HashMap<>();
    private final Counter received;
    private volatile BiConsumer<String, List<String>> deliverLocally;
    private RedisConnection subscription;
    private boolean stopped;
    private long reconnectDelayMillis = 100;

    ClusterFanout(Redis redis, Vertx vertx, MeterRegistry registry,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.redis = redis;
        this.vertx = vertx;
        this.channelPrefix = "realtime:fanout:" + applicationName + ":";
        this.received = Counter.builder("realtime.fanout.received")
                .description("Fan-out payloads this replica received for the sessions it holds").register(registry);
    }

    void start(BiConsumer<String, List<String>> deliverLocally) {
        this.deliverLocally = deliverLocally;
        connect();
    }

    /**
     * Publishes JSON messages (which Jackson writes without raw newlines) per routing key, each key's messages as one
     * payload so they arrive together and in order, all keys in one pipelined round trip. Blocking: call from a
     * worker thread.
     */
    void publish(Map<String, List<String>> jsonMessagesByKey) {
        List<Request> publishes = new ArrayList<>(jsonMessagesByKey.size());
        jsonMessagesByKey.forEach((routingKey, jsonMessages) -> {
            StringBuilder payload = new StringBuilder();
            for (String json : jsonMessages) {
                if (!payload.isEmpty()) {
                    payload.append(SEPARATOR);
                }
                payload.append(json);
            }
            publishes.add(Request.cmd(Command.PUBLISH).arg(channelPrefix + routingKey).arg(payload.toString()));
        });
        if (publishes.isEmpty()) {
            return;
        }
        try {
            redis.batch(publishes).toCompletionStage().toCompletableFuture()
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Publishing to Redis failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Publishing to Redis took longer than " + PUBLISH_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to Redis", e);
        }
    }

    /**
     * Counts one more local session of the key. The future completes once Redis confirmed the channel's
     * subscription, so that whatever is published afterwards reaches this replica; at once when the key was already
     * subscribed, or when Redis is unreachable (the key is subscribed on reconnection).
     */
    synchronized Future<Void> hold(String routingKey) {
        int sessions = sessionsPerKey.merge(routingKey, 1, Integer::sum);
        if (sessions > 1 || subscription == null) {
            return Future.succeededFuture();
        }
        return send(subscription, Command.SUBSCRIBE, routingKey);
    }

    /** Counts one local session of the key less; the channel is left when none remains. */
    synchronized void release(String routingKey) {
        Integer sessions = sessionsPerKey.computeIfPresent(routingKey, (key, count) -> count == 1 ? null : count - 1);
        if (sessions == null && subscription != null) {
            send(subscription, Command.UNSUBSCRIBE, routingKey);
        }
    }

    /** Whether the subscription connection is up: only then does what other replicas publish reach this replica. */
    synchronized boolean subscribed() {
        return subscription != null;
    }

    void stopOnShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private Future<Void> send(RedisConnection connection, Command command, String routingKey) {
        return connection.send(Request.cmd(command).arg(channelPrefix + routingKey)).<Void>mapEmpty()
                .onFailure(failure -> LOG.warnf("%s %s failed: %s", command, routingKey, failure.getMessage()));
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        redis.connect().onSuccess(this::subscribeAll).onFailure(failure -> reconnect(null, failure.getMessage()));
    }

    private synchronized void subscribeAll(RedisConnection connection) {
        if (stopped) {
            connection.close();
            return;
        }
        connection.handler(this::onPush);
        connection.exceptionHandler(failure -> reconnect(connection, failure.getMessage()));
        connection.endHandler(ended -> reconnect(connection, "connection ended"));
        subscription = connection;
        reconnectDelayMillis = 100;
        for (String routingKey : sessionsPerKey.keySet()) {
            send(connection, Command.SUBSCRIBE, routingKey);
        }
        LOG.debugf("Subscribed to %d keys of %s*", sessionsPerKey.size(), channelPrefix);
    }

    private synchronized void reconnect(RedisConnection failed, String reason) {
        if (stopped || (failed != null && failed != subscription)) {
            return;
        }
        subscription = null;
        if (failed != null) {
            failed.close();
        }
        long delay = reconnectDelayMillis;
        reconnectDelayMillis = Math.min(MAX_RECONNECT_DELAY_MILLIS, reconnectDelayMillis * 2);
        LOG.warnf("Fan-out subscriptions of %s* lost (%s); subscribing again in %d ms", channelPrefix, reason, delay);
        vertx.setTimer(delay, id -> connect());
    }

    /** Pub/sub pushes arrive as {@code ["message", channel, payload]}. */
    private void onPush(Response push) {
        if (push.type() != ResponseType.MULTI && push.type() != ResponseType.PUSH || push.size() != 3
                || !"message".equals(push.get(0).toString())) {
            return;
        }
        String channel = push.get(1).toString();
        if (!channel.startsWith(channelPrefix)) {
            return;
        }
        String routingKey = channel.substring(channelPrefix.length());
        received.increment();
        deliverLocally.accept(routingKey, List.of(push.get(2).toString().split(String.valueOf(SEPARATOR))));
    }
}
