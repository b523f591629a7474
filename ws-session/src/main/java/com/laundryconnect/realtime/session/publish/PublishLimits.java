package com.laundryconnect.realtime.session.publish;

/** Limits of one publish request (contract 11). */
final class PublishLimits {

    static final int MAX_EVENTS = 1000;
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * The largest declared body over {@link #MAX_BYTES} that is still read (and thrown away) before the 413, so that
     * a client that sends its whole body before reading hears the answer. Reading costs bandwidth, not memory; beyond
     * this the connection is closed at once.
     */
    static final long MAX_DISCARDED_BYTES = 32L * 1024 * 1024;

    private PublishLimits() {
    }
}
