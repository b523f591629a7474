package com.laundryconnect.realtime.session.auth;

/**
 * A token that does not authenticate its bearer. The message is safe to show a client and to log: it never
 * contains the token itself.
 */
public class TokenRejectedException extends Exception {

    public TokenRejectedException(String message) {
        super(message, null, false, false);
    }
}
