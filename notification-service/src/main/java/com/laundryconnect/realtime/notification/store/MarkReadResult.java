package com.laundryconnect.realtime.notification.store;

/** What marking one notification read did: {@code found} false when it is not the caller's or does not exist. */
public record MarkReadResult(boolean found, int marked) {

    public static final MarkReadResult NOT_FOUND = new MarkReadResult(false, 0);
}
