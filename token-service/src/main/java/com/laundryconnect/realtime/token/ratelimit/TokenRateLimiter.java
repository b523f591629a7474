package com.laundryconnect.realtime.token.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Counts token requests per user in a fixed window kept in Redis, so the limit holds however many replicas serve
 * the endpoint.
 */
@ApplicationScoped
public class TokenRateLimiter {

    private static final String KEY_PREFIX = "realtime:token-requests:";

    /*
     * One round trip per request, in a reconnect storm too. Redis runs the script atomically: the count and its expiry
     * are set together, so no crash leaves a counter that never expires, and a counter found without one (written by
     * anything else) gets the window's.
     */
    private static final String COUNT_IN_WINDOW = """
            local count = redis.call('INCR', KEYS[1])
            local remaining = redis.call('PTTL', KEYS[1])
            if remaining < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              remaining = tonumber(ARGV[1])
            end
            return {count, remaining}
            """;

    private final ReactiveRedisDataSource redis;
    private final int requestsPerWindow;
    private final String windowMillis;

    public TokenRateLimiter(ReactiveRedisDataSource redis,
                            @ConfigProperty(name = "realtime.token.rate-limit.requests", defaultValue = "30") int requestsPerWindow,
                            @ConfigProperty(name = "realtime.token.rate-limit.window", defaultValue = "60s") Duration window) {
        this.redis = redis;
        this.requestsPerWindow = requestsPerWindow;
        this.windowMillis = Long.toString(window.toMillis());
    }

    /** Counts one request of the user; fails with {@link RateLimitExceededException} when the window's quota is spent. */
    public Uni<Void> acquire(String userId) {
        return redis.execute("EVAL", COUNT_IN_WINDOW, "1", KEY_PREFIX + userId, windowMillis).chain(this::verdict);
    }

    private Uni<Void> verdict(Response countAndRemainingMillis) {
        long count = countAndRemainingMillis.get(0).toLong();
        if (count <= requestsPerWindow) {
            return Uni.createFrom().voidItem();
        }
        long remainingMillis = countAndRemainingMillis.get(1).toLong();
        return Uni.createFrom().failure(new RateLimitExceededException(Math.max(1, Math.ceilDiv(remainingMillis, 1000))));
    }
}
