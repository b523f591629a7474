package com.laundryconnect.realtime.notification.ws;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.notification.push.NotificationMessages;
import com.laundryconnect.realtime.notification.push.NotificationPush;
import com.laundryconnect.realtime.notification.store.Inbox;
import com.laundryconnect.realtime.notification.store.MarkReadResult;
import com.laundryconnect.realtime.notification.store.NotificationIds;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.ws.ClientMessage;
import com.laundryconnect.realtime.session.ws.Session;
import com.laundryconnect.realtime.session.ws.SessionEndpoint;
import com.laundryconnect.realtime.session.ws.Sessions;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/** {@code /ws/notifications/} (contract section 5). The common session rules are the shared {@link Sessions}'. */
@WebSocket(path = "/ws/notifications", endpointId = NotificationPush.ENDPOINT)
public class NotificationSocket extends SessionEndpoint {


    static final int MAX_REPLAY = 100;
    private static final Set<String> CLIENT_TYPES = Set.of("mark_read", "mark_all_read");

    private final NotificationStore store;
    private final NotificationPush push;

    public NotificationSocket(Sessions sessions, NotificationStore store, NotificationPush push) {
        super(sessions);
        this.store = store;
        this.push = push;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Optional<Caller> authenticated = sessions.authenticate(connection);
        if (authenticated.isEmpty()) {
            return;
        }
        Caller caller = authenticated.get();
        Inbox inbox = store.inbox(caller.userId());
        var established = new NotificationMessages.ConnectionEstablished(inbox.unreadCount(), caller.userId(),
                inbox.latestNotificationId());
        Set<String> keys = Set.of(NotificationPush.routingKey(caller.userId()));
        Optional<Long> resumeAfter = resumePoint(connection);
        if (resumeAfter.isEmpty()) {
            sessions.open(connection, caller, keys, established);
            return;
        }
        sessions.openResuming(connection, caller, keys, established,
                () -> store.createdAfter(caller.userId(), resumeAfter.get(), MAX_REPLAY).stream()
                        .map(missed -> new NotificationMessages.NotificationPushed(
                                NotificationMessages.NotificationView.of(missed)))
                        .toList());
    }

    @OnTextMessage
    public void onText(WebSocketConnection connection, String text) {
        Optional<ClientMessage> message = sessions.receive(connection, text, CLIENT_TYPES);
        Optional<Session> session = sessions.session(connection);
        if (message.isEmpty() || session.isEmpty()) {
            return;
        }
        String userId = session.get().caller().userId();
        switch (message.get().type()) {
            case "mark_read" -> markRead(session.get(), userId, message.get().body().get("notification_id"));
            case "mark_all_read" -> {
                int marked = store.markAllRead(userId);
                sessions.send(session.get(), new NotificationMessages.MarkAllReadResponse(marked));
                push.unreadCount(userId);
            }
            default -> throw new IllegalStateException("unhandled client type " + message.get().type());
        }
    }

    private void markRead(Session session, String userId, JsonNode notificationId) {
        MarkReadResult result = NotificationIds.parse(notificationId)
                .map(id -> store.markRead(userId, id))
                .orElse(MarkReadResult.NOT_FOUND);
        if (!result.found()) {
            sessions.send(session, NotificationMessages.MarkReadResponse.notFound(notificationId));
            return;
        }
        sessions.send(session, NotificationMessages.MarkReadResponse.marked(notificationId, result.marked()));
        push.unreadCount(userId);
    }

    /**
     * {@code ?since=<id>}, or its alias {@code last_event_id}; {@code 0} (the {@code last_notification_id} of a user
     * who had none) resumes from the first notification. A malformed value resumes nothing.
     */
    private static Optional<Long> resumePoint(WebSocketConnection connection) {
        return Sessions.queryParameter(connection, "since")
                .or(() -> Sessions.queryParameter(connection, "last_event_id"))
                .flatMap(since -> since.equals(Long.toString(NotificationStore.FROM_THE_START))
                        ? Optional.of(NotificationStore.FROM_THE_START)
                        : NotificationIds.parse(since));
    }
}
