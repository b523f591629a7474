package com.laundryconnect.realtime.tracking.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.MessageSent;

/** Stores chat messages once each, whichever path (the socket or the Kafka topic) brings a message first. */
@ApplicationScoped
public class ChatLog {

    private final EntityManager entityManager;

    public ChatLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Returns whether this call stored the message; false when a message with its id is stored already. */
    @Transactional
    public boolean storeIfAbsent(MessageSent sent, Instant sentAt) {
        return entityManager.createNativeQuery("""
                        INSERT INTO order_messages (message_id, order_id, sender_id, sender_role, recipient_id, body, sent_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (message_id) DO NOTHING""")
                .setParameter(1, sent.messageId())
                .setParameter(2, sent.orderId())
                .setParameter(3, sent.senderId())
                .setParameter(4, sent.senderRole().name())
                .setParameter(5, sent.recipientId())
                .setParameter(6, sent.message())
                .setParameter(7, sentAt.truncatedTo(ChronoUnit.MILLIS))
                .executeUpdate() == 1;
    }
}
