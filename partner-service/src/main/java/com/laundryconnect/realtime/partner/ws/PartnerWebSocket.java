package com.laundryconnect.realtime.partner.ws;

import java.util.Optional;
import java.util.Set;

import com.laundryconnect.realtime.partner.PartnerConfig;
import com.laundryconnect.realtime.partner.store.EarningsLedger;
import com.laundryconnect.realtime.session.CloseCodes;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.ws.Sessions;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * {@code /ws/partner/} (contract 7): a partner's new orders, earnings and customer messages, and their location
 * updates. The session rules of contract 4 are {@link Sessions}'; this endpoint adds who may connect and its types.
 * The path is declared without the trailing slash, so that it matches both {@code /ws/partner} and
 * {@code /ws/partner/} (contract 1).
 */
@WebSocket(path = "/ws/partner", endpointId = PartnerPush.ENDPOINT)
public class PartnerWebSocket {

    private static final Set<String> CLIENT_MESSAGE_TYPES = Set.of("location_update");

    private final Sessions sessions;
    private final EarningsLedger ledger;
    private final LocationUpdates locationUpdates;
    private final PartnerConfig config;

    public PartnerWebSocket(Sessions sessions, EarningsLedger ledger, LocationUpdates locationUpdates,
                            PartnerConfig config) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.locationUpdates = locationUpdates;
        this.config = config;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        Optional<Caller> caller = sessions.authenticate(connection);
        if (caller.isEmpty()) {
            return;
        }
        if (!caller.get().partner()) {
            sessions.refuse(connection, CloseCodes.FORBIDDEN, "Only partners can connect to this endpoint");
            return;
        }
        String partnerId = caller.get().userId();
        EarningsLedger.Balance balance = ledger.balanceOf(partnerId, config.defaultCurrency());
        sessions.open(connection, caller.get(), Set.of(PartnerPush.routingKey(partnerId)),
                new PartnerMessages.ConnectionEstablished("Connected to partner updates", partnerId,
                        Money.format(balance.total()), balance.currency()));
    }

    @OnTextMessage
    public void onTextMessage(String text, WebSocketConnection connection) {
        sessions.receive(connection, text, CLIENT_MESSAGE_TYPES).ifPresent(message -> sessions.session(connection)
                .ifPresent(session -> locationUpdates.handle(session.caller().userId(), message.body())
                        .ifPresent(error -> sessions.error(session, error))));
    }

    @OnBinaryMessage
    public void onBinaryMessage(Buffer message, WebSocketConnection connection) {
        sessions.refuseBinary(connection);
    }

    @OnPongMessage
    public void onPongMessage(Buffer data, WebSocketConnection connection) {
        sessions.pong(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection);
    }
}
