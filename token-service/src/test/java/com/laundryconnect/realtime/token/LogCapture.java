package com.laundryconnect.realtime.token;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log line the service writes while a test runs, to prove that tokens never reach the logs. */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (parameters != null) {
            for (Object parameter : parameters) {
                message = message + " " + parameter;
            }
        }
        lines.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
