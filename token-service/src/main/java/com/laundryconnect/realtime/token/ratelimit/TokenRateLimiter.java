package com.laundryconnect.realtime.token.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * Counts token requests per user in a fixed window kept in Redis, so the limit holds however many replicas serve
 * the endpoint.
 */
@ApplicationScoped
public class TokenRateLimiter {

    private static final String KEY_PREFIX = "realtime:token-requests:";

    private final ValueCommands<String, Long> counters;
    private final KeyCommands<String> keys;
    private final int requestsPerWindow;
    private final Duration window;

    public TokenRateLimiter(RedisDataSource redis,
                            @ConfigProperty(name = "realtime.token.rate-limit.requests", defaultValue = "30") int requestsPerWindow,
                            @ConfigProperty(name = "realtime.token.rate-limit.window", defaultValue = "60s") Duration window) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.requestsPerWindow = requestsPerWindow;
        this.window = window;
    }

    public void acquire(String userId) throws RateLimitExceededException {
        String key = KEY_PREFIX + userId;
        // The window's key is created with its expiry in one command, so no crash can leave a counter that never expires.
        counters.set(key, 0L, new SetArgs().nx().px(window));
        long count = counters.incr(key);
        if (count > requestsPerWindow) {
            long remainingMillis = keys.pttl(key);
            long retryAfter = remainingMillis > 0 ? Math.ceilDiv(remainingMillis, 1000) : window.toSeconds();
            throw new RateLimitExceededException(retryAfter);
        }
    }
}
