package com.laundryconnect.realtime.partner.ws;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.laundryconnect.realtime.partner.PartnerConfig;
import com.laundryconnect.realtime.partner.push.PartnerMessages;
import com.laundryconnect.realtime.partner.push.PartnerPush;
import com.laundryconnect.realtime.partner.store.EarningsLedger;
import com.laundryconnect.realtime.partner.store.PartnerFeed;
import com.laundryconnect.realtime.session.CloseCodes;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.ws.SessionEndpoint;
import com.laundryconnect.realtime.session.ws.Sessions;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code /ws/partner/} (contract 7): a partner's new orders, earnings and customer messages, and their location
 * updates. The session rules of contract 4 are {@link Sessions}'; this endpoint adds who may connect, its types, and
 * resuming from the partner's feed ({@code ?since=<feed_id>}).
 * The path is declared without the trailing slash, so that it matches both {@code /ws/partner} and
 * {@code /ws/partner/} (contract 1).
 */
@WebSocket(path = "/ws/partner", endpointId = PartnerPush.ENDPOINT)
public class PartnerWebSocket extends SessionEndpoint {

    private static final Set<String> CLIENT_MESSAGE_TYPES = Set.of("location_update");
    /** Feed ids never reach 19 digits, and up to 18 always fit in a long. */
    private static final int MAX_FEED_ID_DIGITS = 18;

    private final EarningsLedger ledger;
    private final PartnerFeed feed;
    private final LocationUpdates locationUpdates;
    private final PartnerConfig config;
    private final ObjectMapper json;

    public PartnerWebSocket(Sessions sessions, EarningsLedger ledger, PartnerFeed feed, LocationUpdates locationUpdates,
                            PartnerConfig config, ObjectMapper json) {
        super(sessions);
        this.ledger = ledger;
        this.feed = feed;
        this.locationUpdates = locationUpdates;
        this.config = config;
        this.json = json;
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
        Long since = resumePoint(connection).orElse(null);
        // The feed position is read before the balance: a credit committed in between is then both in the total and
        // replayed, never in neither.
        long startAfter = feed.startAfter(partnerId, since);
        EarningsLedger.Balance balance = ledger.balanceOf(partnerId, config.defaultCurrency());
        // The frames after the start are replayed while live pushes are held, and the held ones the replay already
        // sent are dropped. The replay also covers frames committed after the feed position was read but pushed
        // before this replica subscribed to the partner's deliveries.
        sessions.openResuming(connection, caller.get(), Set.of(PartnerPush.routingKey(partnerId)),
                new PartnerMessages.ConnectionEstablished("Connected to partner updates", partnerId,
                        balance.total(), balance.currency(), startAfter),
                () -> feed.after(partnerId, startAfter, config.feed().replayLimit()).stream()
                        .map(this::replayed)
                        .toList());
    }

    @OnTextMessage
    public void onTextMessage(String text, WebSocketConnection connection) {
        sessions.receive(connection, text, CLIENT_MESSAGE_TYPES).ifPresent(message -> sessions.session(connection)
                .ifPresent(session -> locationUpdates.handle(session.caller().userId(), message.body())
                        .ifPresent(error -> sessions.error(session, error))));
    }

    /**
     * {@code ?since=<feed id>}, or its alias {@code last_event_id}: the last feed id the client saw, 0 for the start
     * of the feed. A value that is not a feed id resumes nothing.
     */
    private static Optional<Long> resumePoint(WebSocketConnection connection) {
        return Sessions.queryParameter(connection, "since")
                .or(() -> Sessions.queryParameter(connection, "last_event_id"))
                .flatMap(PartnerWebSocket::feedId);
    }

    private static Optional<Long> feedId(String text) {
        if (text.isEmpty() || text.length() > MAX_FEED_ID_DIGITS || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private PartnerMessages.ReplayedFrame replayed(PartnerFeed.StoredFrame frame) {
        try {
            return new PartnerMessages.ReplayedFrame(
                    ((ObjectNode) json.readTree(frame.frame())).put("feed_id", frame.feedId()), frame.feedId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Feed frame " + frame.feedId() + " is not JSON", e);
        }
    }
}
