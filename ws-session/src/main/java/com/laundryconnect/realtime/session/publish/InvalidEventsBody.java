package com.laundryconnect.realtime.session.publish;

import java.util.List;

/** 400 answer of the publish API: {@code detail} as everywhere, plus every field error of every event. */
record InvalidEventsBody(String detail, List<EventFieldError> errors) {

    record EventFieldError(int event, String field, String message) {
    }
}
