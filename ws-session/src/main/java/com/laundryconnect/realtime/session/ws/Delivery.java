package com.laundryconnect.realtime.session.ws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One serialised message on its way to sessions, with the replay key of a {@link Replayable} (else null). On the
 * fan-out's wire a keyed message is its URL-encoded key, a space, then the JSON: no key can contain the newline that
 * separates messages, and no JSON message starts with anything but a brace.
 */
record Delivery(String replayKey, String json) {

    static Delivery of(Object message, String json) {
        return new Delivery(message instanceof Replayable replayable ? encode(replayable.replayKey()) : null, json);
    }

    static String encode(String replayKey) {
        return URLEncoder.encode(replayKey, StandardCharsets.UTF_8);
    }

    static Delivery fromWire(String line) {
        if (line.startsWith("{")) {
            return new Delivery(null, line);
        }
        int space = line.indexOf(' ');
        return new Delivery(line.substring(0, space), line.substring(space + 1));
    }

    String toWire() {
        return replayKey == null ? json : replayKey + ' ' + json;
    }
}
