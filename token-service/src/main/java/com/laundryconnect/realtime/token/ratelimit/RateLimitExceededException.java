package com.laundryconnect.realtime.token.ratelimit;

public class RateLimitExceededException extends Exception {

    private final long retryAfterSeconds;

    public RateLimitExceededException(long retryAfterSeconds) {
        super("Request was throttled. Expected available in " + retryAfterSeconds + " seconds.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
