package com.laundryconnect.realtime.tracking.location;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.laundryconnect.realtime.tracking.TrackingConfig;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.redis.client.Response;

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

    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final TrackingConfig config;

    public LatestLocations(RedisDataSource redis, ObjectMapper mapper, TrackingConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.config = config;
    }

    /** A location as stored; {@code heading} and {@code speed} are null when the partner's device sent none. */
    @RegisterForReflection
    public record StoredLocation(double latitude, double longitude, Double heading, Double speed, Instant recordedAt) {
    }

    /** Returns false, storing nothing, when a location recorded at the same time or later is stored already. */
    public boolean storeIfNewer(String orderId, StoredLocation location) {
        Response stored = redis.execute("EVAL", STORE_IF_NEWER, "1", key(orderId),
                Long.toString(location.recordedAt().toEpochMilli()), json(location),
                Long.toString(config.locationTtl().toMillis()));
        return stored.toLong() == 1;
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
