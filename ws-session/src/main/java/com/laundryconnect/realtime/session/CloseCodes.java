package com.laundryconnect.realtime.session;

/** WebSocket close codes of contract section 4 that every endpoint uses. */
public final class CloseCodes {

    /** Token missing, malformed, badly signed, expired or of the wrong audience; the guide reconnects with a new token. */
    public static final int UNAUTHENTICATED = 4001;
    /** Authenticated but not allowed here; the guide shows a permission error and does not retry. */
    public static final int FORBIDDEN = 4003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int GOING_AWAY = 1001;
    /**
     * Live deliveries to the session may have been lost (the fan-out had a gap): the client should reconnect and
     * resume from the last message it got ({@code since}); every guide class that reconnects does so on any code.
     */
    public static final int SERVICE_RESTART = 1012;

    private CloseCodes() {
    }
}
