package com.laundryconnect.realtime.localdev.edge;

/** The Ingress or the service port file cannot be turned into a route table; the message says why. */
public final class InvalidRoutesException extends RuntimeException {

    public InvalidRoutesException(String message) {
        super(message);
    }

    public InvalidRoutesException(String message, Throwable cause) {
        super(message, cause);
    }
}
