package com.laundryconnect.realtime.session.publish;

/** Limits of one publish request (contract 11). */
final class PublishLimits {

    static final int MAX_EVENTS = 1000;
    static final int MAX_BYTES = 1024 * 1024;

    private PublishLimits() {
    }
}
