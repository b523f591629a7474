package com.laundryconnect.realtime.session.ws;

import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;

/**
 * Carries messages for a routing key (a user, an order) to every replica of this service through one Redis pub/sub
 * channel, so an event consumed by one replica reaches sessions held by any of them.
 */
@ApplicationScoped
class ClusterFanout {

    private static final Logger LOG = Logger.getLogger(ClusterFanout.class);
    private static final char SEPARATOR = '\n';

    private final PubSubCommands<String> pubsub;
    private final String channel;

    ClusterFanout(RedisDataSource redis, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pubsub = redis.pubsub(String.class);
        this.channel = "realtime:fanout:" + applicationName;
    }

    void subscribe(BiConsumer<String, List<String>> deliverLocally) {
        pubsub.subscribe(channel, payload -> {
            String[] lines = payload.split(String.valueOf(SEPARATOR));
            if (lines.length < 2) {
                LOG.warnf("Ignoring a malformed fan-out message on %s", channel);
                return;
            }
            deliverLocally.accept(lines[0], List.of(lines).subList(1, lines.length));
        });
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
        pubsub.publish(channel, payload.toString());
    }
}
