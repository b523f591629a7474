package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.http.HttpServerRequest;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** One line per request. WebSocket URLs carry the session token as {@code ?token=}: it never reaches the log. */
public final class AccessLog {

    private static final Pattern TOKEN_PARAMETER = Pattern.compile("([?&]token=)[^&#]*");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Consumer<String> sink;

    public AccessLog(Consumer<String> sink) {
        this.sink = sink;
    }

    public void record(HttpServerRequest request, int status, String target) {
        sink.accept("%s %s \"%s %s\" %d %s".formatted(
                LocalTime.now().format(TIME),
                request.remoteAddress() == null ? "-" : request.remoteAddress().hostAddress(),
                request.method(),
                redactTokens(request.uri()),
                status,
                target));
    }

    static String redactTokens(String uri) {
        return TOKEN_PARAMETER.matcher(uri).replaceAll("$1REDACTED");
    }
}
