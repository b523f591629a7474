package com.laundryconnect.realtime.tracking.chat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.laundryconnect.realtime.events.payload.MessageSent;

/** Stores chat messages once each, whichever path (the socket or the Kafka topic) brings a message first. */
@ApplicationScoped
public class ChatLog {

    /** A message as published, and when: its event's time. */
    public record Published(MessageSent sent, Instant sentAt) {

        /** An event without a time was sent, as far as anyone can tell, when it is read. */
        public static Published of(MessageSent sent, OffsetDateTime eventTime) {
            return new Published(sent, eventTime == null ? Instant.now() : eventTime.toInstant());
        }
    }

    private final EntityManager entityManager;

    public ChatLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the messages in one transaction and returns those this call stored, in the given order: a message whose
     * id is stored already (or came earlier in the list) is not.
     */
    @Transactional
    public List<Published> storeNew(List<Published> messages) {
        List<Published> stored = new ArrayList<>();
        for (Published message : messages) {
            if (storeIfAbsent(message.sent(), message.sentAt())) {
                stored.add(message);
            }
        }
        return stored;
    }

    private boolean storeIfAbsent(MessageSent sent, Instant sentAt) {
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
