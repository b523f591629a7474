package com.laundryconnect.realtime.localdev;

/** A command line that a program cannot run with; its message says what is wrong with it. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
