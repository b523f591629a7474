package com.laundryconnect.realtime.session.ws;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A message that a resuming client can be sent again from storage (a notification, a chat message). Its key travels
 * beside the frame through the fan-out, so that {@link Sessions#openResuming} drops a live push that the replay
 * already sent without reading the frame again.
 */
public interface Replayable {

    /** What identifies the message among its session's replay, e.g. the notification id. */
    @JsonIgnore
    String replayKey();
}
