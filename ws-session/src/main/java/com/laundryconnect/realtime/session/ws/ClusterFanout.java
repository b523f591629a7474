package com.laundryconnect.realtime.session.ws;

import java.util.List;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Carries messages for a routing key (a user, an order) to every replica of this service through one Redis pub/sub
 * channel, so an event consumed by one replica reaches sessions held by any of them.
 *
 * <p>The subscription runs on a connection of its own whose message handler is in place before SUBSCRIBE is sent,
 * and it is re-established with back-off whenever that connection fails or ends (a Redis restart), so a replica never
 * silently stops receiving.
 */
@ApplicationScoped
class ClusterFanout {

    private static final Logger LOG = Logger.getLogger(ClusterFanout.class);
    private static final char SEPARATOR = '\n';
    private static final long MAX_RECONNECT_DELAY_MILLIS = 5_000;

    private final PubSubCommands<String> publisher;
    private final Redis redis;
    private final Vertx vertx;
    private final String channel;
    private volatile BiConsumer<String, List<String>> deliverLocally;
    private volatile RedisConnection subscription;
    private volatile boolean stopped;
    private long reconnectDelayMillis = 100;

    ClusterFanout(RedisDataSource redisDataSource, Redis redis, Vertx vertx,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.publisher = redisDataSource.pubsub(String.class);
        this.redis = redis;
        this.vertx = vertx;
        this.channel = "realtime:fanout:" + applicationName;
    }

    void subscribe(BiConsumer<String, List<String>> deliverLocally) {
        this.deliverLocally = deliverLocally;
        connect();
    }

    /**
     * Publishes JSON messages (which Jackson writes without raw newlines) for one key as one payload, so they arrive
     * together and in order. Blocking: call from a worker thread.
     */
    void publish(String routingKey, List<String> jsonMessages) {
        StringBuilder payload = new StringBuilder(routingKey);
        for (String json : jsonMessages) {
            payload.append(SEPARATOR).append(json);
        }
        publisher.publish(channel, payload.toString());
    }

    void stopOnShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        RedisConnection connection = subscription;
        if (connection != null) {
            connection.close();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        redis.connect().onSuccess(connection -> {
            connection.handler(this::onPush);
            connection.exceptionHandler(failure -> reconnect(connection, failure.getMessage()));
            connection.endHandler(ended -> reconnect(connection, "connection ended"));
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).onSuccess(subscribed -> {
                subscription = connection;
                reconnectDelayMillis = 100;
                LOG.debugf("Subscribed to %s", channel);
            }).onFailure(failure -> reconnect(connection, failure.getMessage()));
        }).onFailure(failure -> reconnect(null, failure.getMessage()));
    }

    private synchronized void reconnect(RedisConnection failed, String reason) {
        if (stopped || (failed != null && failed != subscription && subscription != null)) {
            return;
        }
        subscription = null;
        if (failed != null) {
            failed.close();
        }
        long delay = reconnectDelayMillis;
        reconnectDelayMillis = Math.min(MAX_RECONNECT_DELAY_MILLIS, reconnectDelayMillis * 2);
        LOG.warnf("Fan-out subscription to %s lost (%s); subscribing again in %d ms", channel, reason, delay);
        vertx.setTimer(delay, id -> connect());
    }

    /** Pub/sub pushes arrive as {@code ["message", channel, payload]}. */
    private void onPush(Response push) {
        if (push.type() != ResponseType.MULTI && push.type() != ResponseType.PUSH || push.size() != 3
                || !"message".equals(push.get(0).toString())) {
            return;
        }
        String[] lines = push.get(2).toString().split(String.valueOf(SEPARATOR));
        if (lines.length < 2) {
            LOG.warnf("Ignoring a malformed fan-out message on %s", channel);
            return;
        }
        deliverLocally.accept(lines[0], List.of(lines).subList(1, lines.length));
    }
}
