package com.laundryconnect.realtime.loadtest;

/** A bad command line: printed with the usage, exit status 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
