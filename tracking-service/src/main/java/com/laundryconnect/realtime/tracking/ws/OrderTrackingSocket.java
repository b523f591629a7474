package com.laundryconnect.realtime.tracking.ws;

import java.util.Set;

import com.laundryconnect.realtime.session.ws.SessionEndpoint;
import com.laundryconnect.realtime.session.ws.Sessions;
import com.laundryconnect.realtime.tracking.chat.OrderChat;
import com.laundryconnect.realtime.tracking.push.OrderSubscribers;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code /ws/orders/{order_id}/} (contract 6): an order's status, ETA, its partner's location and the chat between
 * customer and partner. The common session rules (contract 4) are {@link Sessions}'; who may track which order is
 * {@link OrderAdmission}'s.
 */
@WebSocket(path = "/ws/orders/{order_id}", endpointId = OrderSubscribers.ENDPOINT)
public class OrderTrackingSocket extends SessionEndpoint {

    private static final Set<String> CLIENT_MESSAGE_TYPES = Set.of(OrderChat.SEND_MESSAGE, OrderChat.PARTNER_REPLY);

    private final OrderAdmission admission;
    private final OrderChat chat;

    public OrderTrackingSocket(Sessions sessions, OrderAdmission admission, OrderChat chat) {
        super(sessions);
        this.admission = admission;
        this.chat = chat;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        sessions.authenticate(connection).ifPresent(caller -> admission.admit(connection, caller));
    }

    @OnTextMessage
    public void onText(WebSocketConnection connection, String text) {
        sessions.receive(connection, text, CLIENT_MESSAGE_TYPES).ifPresent(message ->
                sessions.session(connection).ifPresent(session -> sessions.send(session,
                        chat.handle(session.caller(), connection.pathParam("order_id"), message))));
    }
}
