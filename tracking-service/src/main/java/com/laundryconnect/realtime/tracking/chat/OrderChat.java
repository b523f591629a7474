package com.laundryconnect.realtime.tracking.chat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.payload.MessageSent;
import com.laundryconnect.realtime.events.payload.SenderRole;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.ws.ClientMessage;
import com.laundryconnect.realtime.session.ws.Deliveries;
import com.laundryconnect.realtime.tracking.TrackingConfig;
import com.laundryconnect.realtime.tracking.publish.MessageSentPublisher;
import com.laundryconnect.realtime.tracking.push.OrderSubscribers;
import com.laundryconnect.realtime.tracking.push.RoutingKeys;
import com.laundryconnect.realtime.tracking.push.TrackingMessages;
import com.laundryconnect.realtime.tracking.store.ChatMessage;
import com.laundryconnect.realtime.tracking.store.ChatMessages;
import com.laundryconnect.realtime.tracking.store.OrderView;
import com.laundryconnect.realtime.tracking.store.OrderViews;

/**
 * The order chat of the tracking socket: {@code send_message} from the customer to the assigned partner and
 * {@code partner_reply} from the assigned partner to the customer.
 *
 * <p>A message is published as {@code message.sent} first and stored after Kafka took it, so one that cannot be
 * published is answered {@code success:false} and goes nowhere. It is stored by whichever comes first, this socket or
 * this service's own consumer of the topic (which also stores messages published elsewhere), and only the one that
 * stored it pushes a partner's message to the customer's sessions: once, even if one of the two fails.
 */
@ApplicationScoped
public class OrderChat {

    public static final String SEND_MESSAGE = "send_message";
    public static final String PARTNER_REPLY = "partner_reply";

    private static final Logger LOG = Logger.getLogger(OrderChat.class);
    private static final char NUL = '\u0000';
    private static final int SENT_HERE_REMEMBERED = 10_000;

    private final OrderViews views;
    private final MessageSentPublisher publisher;
    private final ChatLog log;
    private final ChatMessages messages;
    private final OrderSubscribers subscribers;
    private final TrackingConfig config;
    /**
     * Ids of the latest messages this replica's sockets published: its own consumer finds them stored already and must
     * not take that for a push that never went out (see {@link #acceptPublished}).
     */
    private final Set<String> sentHere = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > SENT_HERE_REMEMBERED;
                }
            }));

    public OrderChat(OrderViews views, MessageSentPublisher publisher, ChatLog log, ChatMessages messages,
                     OrderSubscribers subscribers, TrackingConfig config) {
        this.views = views;
        this.publisher = publisher;
        this.log = log;
        this.messages = messages;
        this.subscribers = subscribers;
        this.config = config;
    }

    /** Handles {@code send_message} or {@code partner_reply}; the answer is the sender's {@code message_sent}. Blocking. */
    public TrackingMessages.MessageSent handle(Caller caller, String orderId, ClientMessage message) {
        SenderRole role = message.type().equals(SEND_MESSAGE) ? SenderRole.CUSTOMER : SenderRole.PARTNER;
        MessageSent sent;
        try {
            sent = compose(caller, orderId, validText(message.body().get("message")), role);
        } catch (ChatRefusedException e) {
            return TrackingMessages.MessageSent.refused(e.getMessage());
        }
        Instant sentAt;
        sentHere.add(sent.messageId());
        try {
            sentAt = publisher.publish(sent);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Chat message on order %s could not be published", orderId);
            return TrackingMessages.MessageSent.refused("Message could not be sent, please try again");
        }
        try {
            acceptPublished(List.of(new ChatLog.Published(sent, sentAt)));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Message %s was published; it is stored when this service consumes it back", sent.messageId());
        }
        return TrackingMessages.MessageSent.accepted(sent.messageId());
    }

    /**
     * Stores published messages once each, in one transaction; the call that stored a partner's message pushes it to
     * the customer, all of them in one fan-out. Returns the routing keys of the customers of the partner messages that
     * were stored before, other than by this replica's sockets (which pushed them). Blocking.
     */
    public Set<String> acceptPublished(List<ChatLog.Published> published) {
        Deliveries deliveries = new Deliveries();
        List<ChatLog.Published> storedNow = log.storeNew(published);
        for (ChatLog.Published stored : storedNow) {
            MessageSent sent = stored.sent();
            if (sent.senderRole() == SenderRole.PARTNER) {
                subscribers.toCustomer(deliveries, sent.orderId(), stored.sentAt(), new TrackingMessages.PartnerMessage(
                        sent.orderId(), sent.message(), sent.senderId(), stored.sentAt(),
                        sent.messageId()));
            }
        }
        subscribers.send(deliveries);
        return published.stream()
                .filter(message -> message.sent().senderRole() == SenderRole.PARTNER && !storedNow.contains(message)
                        && !sentHere.contains(message.sent().messageId()))
                .map(message -> RoutingKeys.orderCustomer(message.sent().orderId()))
                .collect(Collectors.toSet());
    }

    /** Where the order's customer resumes from: the partner's newest message, or the chat's start when none. */
    public String partnerResumePoint(String orderId) {
        return messages.newestId(orderId, SenderRole.PARTNER);
    }

    /** The partner's messages on the order after the message {@code sinceMessageId}, oldest first. */
    public List<TrackingMessages.PartnerMessage> partnerMessagesAfter(String orderId, String sinceMessageId) {
        return messages.after(orderId, sinceMessageId, SenderRole.PARTNER, config.chatReplayLimit()).stream()
                .map(OrderChat::partnerMessage)
                .toList();
    }

    private MessageSent compose(Caller caller, String orderId, String text, SenderRole role) {
        OrderView view = views.find(orderId).orElseThrow(() -> new ChatRefusedException("Order not found"));
        String recipientId;
        if (role == SenderRole.CUSTOMER) {
            if (!view.isCustomer(caller.userId())) {
                throw new ChatRefusedException("Only the order's customer can send messages");
            }
            if (view.partnerId == null) {
                throw new ChatRefusedException("No partner is assigned to this order yet");
            }
            recipientId = view.partnerId;
        } else {
            if (!view.isAssignedPartner(caller.userId())) {
                throw new ChatRefusedException("Only the order's assigned partner can reply");
            }
            recipientId = view.customerId;
        }
        return new MessageSent(UUID.randomUUID().toString(), orderId, view.orderNumber, caller.userId(), role,
                recipientId, text);
    }

    private String validText(JsonNode message) {
        if (message == null || !message.isTextual() || message.textValue().isBlank()) {
            throw new ChatRefusedException("Message must be a non-empty string");
        }
        String text = message.textValue();
        if (text.codePointCount(0, text.length()) > config.chatMaxLength()) {
            throw new ChatRefusedException("Message is longer than " + config.chatMaxLength() + " characters");
        }
        if (text.indexOf(NUL) >= 0) {
            throw new ChatRefusedException("Message contains a character that cannot be stored (NUL)");
        }
        return text;
    }

    private static TrackingMessages.PartnerMessage partnerMessage(ChatMessage message) {
        return new TrackingMessages.PartnerMessage(message.orderId, message.body, message.senderId, message.sentAt,
                message.messageId);
    }
}
