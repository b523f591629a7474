package com.laundryconnect.realtime.faulttest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one change to the guide's clients that contract 5 asks for: remember the id of the last item received and
 * reconnect with {@code ?since=<that id>} after any close, so the server replays what was missed meanwhile.
 * Thread-safe.
 */
final class ResumeCursor {

    private volatile String lastReceivedId;

    synchronized void received(String id) {
        if (id != null && !id.isBlank()) {
            lastReceivedId = id;
        }
    }

    /** A starting point for a client that has received nothing yet; ignored once anything came. */
    synchronized void startAt(String id) {
        if (lastReceivedId == null) {
            received(id);
        }
    }

    /** The endpoint token-service handed out (path and query with the token), plus {@code since} once anything came. */
    String resumeUri(String endpoint) {
        String since = lastReceivedId;
        if (since == null) {
            return endpoint;
        }
        return endpoint + (endpoint.contains("?") ? "&" : "?") + "since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);
    }
}
