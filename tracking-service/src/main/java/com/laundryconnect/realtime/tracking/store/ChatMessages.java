package com.laundryconnect.realtime.tracking.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.SenderRole;

/** Queries over the stored chat messages. */
@ApplicationScoped
public class ChatMessages {

    /**
     * The messages of {@code senderRole} on an order that were stored after the message {@code afterMessageId} of the
     * same order, oldest first. An id that is not one of this order's messages yields nothing.
     */
    @Transactional
    public List<ChatMessage> after(String orderId, String afterMessageId, SenderRole senderRole, int limit) {
        return ChatMessage.find("""
                        orderId = ?1 and senderRole = ?2
                        and seq > (select m.seq from ChatMessage m where m.messageId = ?3 and m.orderId = ?1)
                        order by seq""", orderId, senderRole, afterMessageId)
                .page(0, limit)
                .list();
    }
}
