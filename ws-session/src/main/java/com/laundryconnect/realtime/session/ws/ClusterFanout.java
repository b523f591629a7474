package com.laundryconnect.realtime.session.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Pub/sub keeps nothing for a subscriber that is away, so every gap is reported to the {@link GapListener}
 * instead of passing silently: when the subscription comes back after a loss (Redis restarted, the connection
 * dropped, Redis disconnected a subscriber that fell behind), for every key held; and when a publish fails, for
 * the keys it was for, as a marker published on their channels once Redis takes publishes again, so that every
 * replica holding them hears of it.
 */
@ApplicationScoped
class ClusterFanout {

    private static final Logger LOG = Logger.getLogger(ClusterFanout.class);
    private static final char SEPARATOR = '\n';
    private static final long MAX_RECONNECT_DELAY_MILLIS = 1_000;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    /** Published alone on a key's channel after pushes to it were lost; no {@link Delivery} line looks like this. */
    static final String GAP_MARKER = "gap";
    private static final long GAP_ANNOUNCE_RETRY_MILLIS = 1_000;

    /** Hears where live deliveries may be missing, so that no session goes on as if nothing had been lost. */
    interface GapListener {

        /**
         * The subscription is gone: nothing published from now on reaches this replica until it is back. Later
         * deliveries to a session after an earlier one was lost would move its client's resume point past the loss.
         */
        void subscriptionLost();

        /** These keys' sessions may have missed deliveries; sessions opened from {@code sinceNanos} on did not. */
        void gap(Set<String> routingKeys, long sinceNanos);
    }

    private final Redis redis;
    private final Vertx vertx;
    private final String channelPrefix;
    /** Sessions this replica holds per routing key; a key is subscribed while its count is above zero. */
    private final Map<String, Integer> sessionsPerKey = new HashMap<>();
    private final Counter received;
    private final String clientName;
    /** Keys whose pushes were lost by a failed publish and whose replicas have not been told yet. */
    private final Set<String> unannouncedGaps = new LinkedHashSet<>();
    private volatile BiConsumer<String, List<String>> deliverLocally;
    private volatile GapListener gapListener;
    private RedisConnection subscription;
    private boolean stopped;
    private boolean subscriptionLost;
    private boolean announcingGaps;
    private long reconnectDelayMillis = 100;

    ClusterFanout(Redis redis, Vertx vertx, MeterRegistry registry,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.redis = redis;
        this.vertx = vertx;
        this.channelPrefix = "realtime:fanout:" + applicationName + ":";
        this.clientName = "realtime-fanout:" + applicationName + ":" + ProcessHandle.current().pid();
        this.received = Counter.builder("realtime.fanout.received")
                .description("Fan-out payloads this replica received for the sessions it holds").register(registry);
    }

    void start(BiConsumer<String, List<String>> deliverLocally, GapListener gapListener) {
        this.deliverLocally = deliverLocally;
        this.gapListener = gapListener;
        connect();
    }

    /** The name the subscription connection gives itself in Redis ({@code CLIENT LIST}), to find this replica's. */
    String subscriptionClientName() {
        return clientName;
    }

    /**
     * Publishes messages, each one line ({@link Delivery#toWire()}), per routing key, each key's messages as one
     * payload so they arrive together and in order, all keys in one pipelined round trip. Blocking: call from a
     * worker thread.
     */
    void publish(Map<String, List<String>> linesByKey) {
        List<Request> publishes = new ArrayList<>(linesByKey.size());
        Set<String> gapsAnnounced = gapsToAnnounceBefore(linesByKey.keySet());
        linesByKey.forEach((routingKey, lines) -> {
            if (gapsAnnounced.contains(routingKey)) {
                // Ahead of the key's next messages on the same connection, so no session takes them as a sequel.
                publishes.add(Request.cmd(Command.PUBLISH).arg(channelPrefix + routingKey).arg(GAP_MARKER));
            }
            StringBuilder payload = new StringBuilder();
            for (String line : lines) {
                if (!payload.isEmpty()) {
                    payload.append(SEPARATOR);
                }
                payload.append(line);
            }
            publishes.add(Request.cmd(Command.PUBLISH).arg(channelPrefix + routingKey).arg(payload.toString()));
        });
        if (publishes.isEmpty()) {
            return;
        }
        try {
            redis.batch(publishes).toCompletionStage().toCompletableFuture()
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            announced(gapsAnnounced);
        } catch (ExecutionException e) {
            announceGapLater(linesByKey.keySet());
            throw new IllegalStateException("Publishing to Redis failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            announceGapLater(linesByKey.keySet());
            throw new IllegalStateException("Publishing to Redis took longer than " + PUBLISH_TIMEOUT, e);
        } catch (InterruptedException e) {
            announceGapLater(linesByKey.keySet());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to Redis", e);
        }
    }

    /** Publishes the gap marker on each key's channel, retried until Redis takes it. */
    void announceGap(Set<String> routingKeys) {
        announceGapLater(routingKeys);
    }

    private synchronized Set<String> gapsToAnnounceBefore(Set<String> routingKeys) {
        if (unannouncedGaps.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>(routingKeys);
        keys.retainAll(unannouncedGaps);
        return keys;
    }

    private synchronized void announced(Set<String> routingKeys) {
        unannouncedGaps.removeAll(routingKeys);
    }

    /** Keeps trying, once a second, to publish the gap marker on each key's channel until Redis takes it. */
    private synchronized void announceGapLater(Set<String> routingKeys) {
        unannouncedGaps.addAll(routingKeys);
        if (!announcingGaps && !stopped) {
            announcingGaps = true;
            vertx.setTimer(GAP_ANNOUNCE_RETRY_MILLIS, id -> announceGaps());
        }
    }

    private synchronized void announceGaps() {
        if (stopped) {
            return;
        }
        Set<String> keys = Set.copyOf(unannouncedGaps);
        if (keys.isEmpty()) {
            // Announced meanwhile, ahead of the keys' next pushes.
            announcingGaps = false;
            return;
        }
        List<Request> markers = keys.stream()
                .map(key -> Request.cmd(Command.PUBLISH).arg(channelPrefix + key).arg(GAP_MARKER)).toList();
        redis.batch(markers).onComplete(result -> {
            synchronized (this) {
                if (result.succeeded()) {
                    unannouncedGaps.removeAll(keys);
                    LOG.infof("Told the replicas of %d routing keys that pushes to them were lost", keys.size());
                } else {
                    LOG.debugf("Gap markers not published yet: %s", result.cause().toString());
                }
                announcingGaps = false;
                if (!unannouncedGaps.isEmpty()) {
                    announceGapLater(Set.of());
                }
            }
        });
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
        redis.connect().onSuccess(this::subscribeAll).onFailure(failure -> reconnect(null, failure.toString()));
    }

    private synchronized void subscribeAll(RedisConnection connection) {
        if (stopped) {
            connection.close();
            return;
        }
        connection.handler(this::onPush);
        connection.exceptionHandler(failure -> reconnect(connection, failure.toString()));
        connection.endHandler(ended -> reconnect(connection, "connection ended"));
        subscription = connection;
        reconnectDelayMillis = 100;
        long subscribedSinceNanos = System.nanoTime();
        Set<String> keys = Set.copyOf(sessionsPerKey.keySet());
        List<Future<Void>> subscribes = new ArrayList<>(keys.size() + 1);
        subscribes.add(connection.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(clientName)).mapEmpty());
        for (String routingKey : keys) {
            subscribes.add(send(connection, Command.SUBSCRIBE, routingKey));
        }
        LOG.debugf("Subscribing to %d keys of %s*", keys.size(), channelPrefix);
        boolean reportGap = subscriptionLost;
        subscriptionLost = false;
        if (reportGap && !keys.isEmpty()) {
            // Whatever was published for these keys while the subscription was away is gone for good.
            Future.join(subscribes).onComplete(subscribed -> gapListener.gap(keys, subscribedSinceNanos));
        }
    }

    private synchronized void reconnect(RedisConnection failed, String reason) {
        if (stopped || (failed != null && failed != subscription)) {
            return;
        }
        // Also when connecting failed: sessions opened meanwhile were admitted without a subscription.
        subscriptionLost = true;
        subscription = null;
        gapListener.subscriptionLost();
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
        String payload = push.get(2).toString();
        if (payload.equals(GAP_MARKER)) {
            gapListener.gap(Set.of(routingKey), System.nanoTime());
            return;
        }
        deliverLocally.accept(routingKey, List.of(payload.split(String.valueOf(SEPARATOR))));
    }
}
