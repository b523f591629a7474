package com.laundryconnect.realtime.tracking.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.laundryconnect.realtime.events.payload.SenderRole;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One chat message of an order, from its customer to its partner or back. */
@Entity
@Table(name = "order_messages")
public class ChatMessage extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public String messageId;

    /** Assigned by the database; orders an order's messages for replay. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "sender_role", nullable = false)
    public SenderRole senderRole;

    @Column(name = "recipient_id", nullable = false)
    public String recipientId;

    @Column(name = "body", nullable = false)
    public String body;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
