package com.laundryconnect.realtime.tracking.chat;

/** A chat message that is not accepted; its message is the {@code error} the sender is answered with. */
class ChatRefusedException extends RuntimeException {

    ChatRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
