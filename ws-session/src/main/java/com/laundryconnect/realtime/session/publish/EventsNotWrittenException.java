package com.laundryconnect.realtime.session.publish;

/**
 * Kafka did not acknowledge every event of a request in time. Some of them may have been written nonetheless (or be
 * written a moment later by the producer's own retries); consumers are idempotent on the event id, so the caller may
 * always retry with the same ids. The message ends with the innermost cause, class and message, which says why (e.g.
 * a topic's metadata did not arrive because no broker answered), so that every log line naming it names the cause.
 */
public class EventsNotWrittenException extends RuntimeException {

    EventsNotWrittenException(String what, Throwable cause) {
        super(what + "; root cause " + describe(rootOf(cause)), cause);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null
                ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + failure.getMessage();
    }
}
