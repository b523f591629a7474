package com.laundryconnect.realtime.session.http;

/** The DRF error shape {@code {"detail": ...}} that every HTTP error of the suite uses (contract 3 and 11). */
public record ErrorBody(Object detail) {
}
