package com.laundryconnect.realtime.tracking.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.laundryconnect.realtime.tracking.TrackingConfig;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * The latest location of each order in Redis, kept for {@code realtime.tracking.location-ttl} (1 h) so that a new
 * subscriber gets it at once, whichever replica it connects to.
 */
@ApplicationScoped
public class LatestLocations {

    /** Stores the location only if it was recorded after the stored one, atomically, and renews the TTL. */
    private static final String STORE_IF_NEWER = """
            local stored = redis.call('HGET', KEYS[1], 'recorded_at_ms')
            if stored and tonumber(stored) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'recorded_at_ms', ARGV[1], 'location', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(10);

    private final RedisDataSource redis;
    private final Redis pipeline;
    private final ObjectMapper mapper;
    private final TrackingConfig config;

    public LatestLocations(RedisDataSource redis, Redis pipeline, ObjectMapper mapper, TrackingConfig config) {
        this.redis = redis;
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.config = config;
    }

    /** A location as stored; {@code heading} and {@code speed} are null when the partner's device sent none. */
    @RegisterForReflection
    public record StoredLocation(double latitude, double longitude, Double heading, Double speed, Instant recordedAt) {
    }

    /** A location to keep as its order's latest. */
    public record Candidate(String orderId, StoredLocation location) {
    }

    /**
     * Stores each location unless one recorded at the same time or later is stored for its order already, in the
     * given order (so a later one of the same order is compared with an earlier one stored just before), all in one
     * pipelined round trip. Returns, for each, whether it was stored. Blocking: call from a worker thread.
     */
    public List<Boolean> storeAllIfNewer(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        String ttlMillis = Long.toString(config.locationTtl().toMillis());
        List<Request> scripts = candidates.stream()
                .map(candidate -> Request.cmd(Command.EVAL).arg(STORE_IF_NEWER).arg("1").arg(key(candidate.orderId()))
                        .arg(Long.toString(candidate.location().recordedAt().toEpochMilli()))
                        .arg(json(candidate.location())).arg(ttlMillis))
                .toList();
        return pipeline.batch(scripts).await().atMost(REDIS_TIMEOUT).stream()
                .map(stored -> stored.toLong() == 1)
                .toList();
    }

    public Optional<StoredLocation> latest(String orderId) {
        return Optional.ofNullable(redis.hash(String.class).hget(key(orderId), "location")).map(this::read);
    }

    static String key(String orderId) {
        return "tracking:location:" + orderId;
    }

    private String json(StoredLocation location) {
        try {
            return mapper.writeValueAsString(location);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a location", e);
        }
    }

    private StoredLocation read(String json) {
        try {
            return mapper.readValue(json, StoredLocation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored location", e);
        }
    }
}
