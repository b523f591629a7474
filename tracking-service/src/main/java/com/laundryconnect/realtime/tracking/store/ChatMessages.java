package com.laundryconnect.realtime.tracking.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.SenderRole;

/** Queries over the stored chat messages. */
@ApplicationScoped
public class ChatMessages {

    /** The resume point of an order with no message of the role yet: everything from its first message. */
    public static final String FROM_THE_START = "0";

    /**
     * The messages of {@code senderRole} on an order that were stored after the message {@code afterMessageId} of the
     * same order, oldest first; from {@link #FROM_THE_START} (unless that is a message id of the order), all of them.
     * Any other id that is not one of this order's messages yields nothing.
     */
    @Transactional
    public List<ChatMessage> after(String orderId, String afterMessageId, SenderRole senderRole, int limit) {
        return ChatMessage.find("""
                        orderId = ?1 and senderRole = ?2
                        and seq > coalesce(
                            (select m.seq from ChatMessage m where m.messageId = ?3 and m.orderId = ?1),
                            case when ?3 = ?4 then 0 end)
                        order by seq""", orderId, senderRole, afterMessageId, FROM_THE_START)
                .page(0, limit)
                .list();
    }

    /** The id of the newest message of {@code senderRole} on an order, or {@link #FROM_THE_START} when there is none. */
    @Transactional
    public String newestId(String orderId, SenderRole senderRole) {
        return ChatMessage.<ChatMessage>find("orderId = ?1 and senderRole = ?2 order by seq desc", orderId, senderRole)
                .firstResultOptional()
                .map(message -> message.messageId)
                .orElse(FROM_THE_START);
    }
}
