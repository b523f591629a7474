package com.laundryconnect.realtime.session.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.laundryconnect.realtime.session.CloseCodes;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.auth.TokenRejectedException;
import com.laundryconnect.realtime.session.auth.WsTokenVerifier;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The session rules of contract section 4 that all three WebSocket endpoints follow: authentication with
 * accept-then-close, {@code connection_established} first, ping/pong, errors that keep the connection, inbound rate
 * limit, idle drop, bounded outbound queue, close on token expiry, and delivery to a user's or an order's sessions
 * on every replica. Endpoints keep only their own authorisation and message types. This class opens, resumes and
 * closes sessions and routes deliveries; its parts are the registry ({@link SessionRegistry}), the inbound rules
 * ({@link InboundRules}), the outbound writer with its back-pressure ({@link SessionWriter}) and the timers
 * ({@link SessionTimers}).
 */
@Startup
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final long SUBSCRIBE_TIMEOUT_MILLIS = 2_000;
    private static final Duration CLOSE_ON_SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private final SessionRegistry registry = new SessionRegistry();
    private final Set<String> closesCountedEarly = ConcurrentHashMap.newKeySet();
    private final WsTokenVerifier tokens;
    private final SessionMetrics metrics;
    private final ClusterFanout fanout;
    private final SessionWriter writer;
    private final InboundRules inbound;
    private final SessionTimers timers;

    public Sessions(WsTokenVerifier tokens, SessionRulesConfig rules, SessionMetrics metrics, ClusterFanout fanout,
                    ObjectMapper outbound, Vertx vertx) {
        this.tokens = tokens;
        this.metrics = metrics;
        this.fanout = fanout;
        this.writer = new SessionWriter(outbound, metrics, rules.outboundQueueLimit(), this::closeSlowClient);
        this.inbound = new InboundRules(rules.maxMessagesPerSecond(), rules.rateLimitStrikes());
        fanout.start(this::deliverLocally, new ClusterFanout.GapListener() {
            @Override
            public void subscriptionLost() {
                registry.all().forEach(Session::markStale);
            }

            @Override
            public void gap(Set<String> routingKeys, long sinceNanos) {
                closeAfterGap(routingKeys, sinceNanos);
            }
        });
        this.timers = new SessionTimers(vertx, writer, rules.idleTimeout(), registry::all);
    }

    @PreDestroy
    void stop() {
        timers.stop();
    }

    /**
     * Verifies the handshake's token. On failure the client gets an {@code error} with code 4001 and the close
     * 4001 that makes the guide fetch a new token. May block (fetching token-service's keys): call on a worker.
     */
    public Optional<Caller> authenticate(WebSocketConnection connection) {
        Optional<String> token = SessionTokens.of(connection.handshakeRequest());
        try {
            return Optional.of(tokens.verify(token.orElse(null)));
        } catch (TokenRejectedException e) {
            LOG.debugf("WebSocket %s refused: %s", connection.endpointId(), e.getMessage());
            refuse(connection, CloseCodes.UNAUTHENTICATED, e.getMessage());
            return Optional.empty();
        }
    }

    /** Sends {@code {"type":"error","code":...}} and closes with the same code, as contract 4 requires for 4001 and 4003. */
    public void refuse(WebSocketConnection connection, int code, String message) {
        connection.sendText(writer.json(new ServerMessages.Error(code, message)))
                .onItemOrFailure().transformToUni((sent, failure) -> connection.close(new CloseReason(code, message)))
                .subscribe().with(closed -> { }, failure -> LOG.debugf("Close after refusal failed: %s", failure.getMessage()));
    }

    /**
     * Registers an authenticated, authorised session under its routing keys and sends its
     * {@code connection_established} message first: a push can reach the session as soon as it is registered and its
     * keys are subscribed, before that message is written, so it opens as a resume with nothing missed, and pushes
     * that arrive meanwhile are held and written after it (contract 4).
     */
    public Session open(WebSocketConnection connection, Caller caller, Set<String> routingKeys, Object established) {
        return openResuming(connection, caller, routingKeys, established, List::of);
    }

    /**
     * Opens the session of a resuming client: after {@code connection_established} it sends what the client missed
     * ({@code missed}, read from storage, oldest first), then goes live. Live deliveries are held back meanwhile and
     * written afterwards, except those the replay already sent (by {@link Replayable#replayKey()}): nothing is missed
     * between replay and live, nothing is sent twice. May block (the replay reads storage): call on a worker.
     */
    public Session openResuming(WebSocketConnection connection, Caller caller, Set<String> routingKeys,
                                Object established, Supplier<? extends List<? extends Replayable>> missed) {
        Session session = openHeld(connection, caller, routingKeys, established);
        Set<String> replayed = new HashSet<>();
        try {
            for (Replayable message : missed.get()) {
                send(session, message);
                replayed.add(Delivery.encode(message.replayKey()));
            }
        } finally {
            session.replayed(replayed);
            for (List<Delivery> held = session.drainHeld(); !held.isEmpty(); held = session.drainHeld()) {
                for (Delivery delivery : held) {
                    if (!session.wasReplayed(delivery)) {
                        writer.write(session, delivery.json());
                    }
                }
            }
        }
        return session;
    }

    /** Registers the session with its live deliveries held, and sends {@code connection_established}. */
    private Session openHeld(WebSocketConnection connection, Caller caller, Set<String> routingKeys, Object established) {
        Session session = new Session(connection, caller, connection.endpointId(), routingKeys);
        session.hold();
        registry.add(session);
        List<Future<Void>> subscriptions = new ArrayList<>(routingKeys.size());
        for (String key : routingKeys) {
            subscriptions.add(fanout.hold(key));
        }
        awaitSubscriptions(connection, subscriptions);
        if (!fanout.subscribed()) {
            // Admitted while Redis is away: it is closed to resume once the subscription is back.
            session.markStale();
        }
        writer.send(session, established);
        timers.startExpiry(session);
        metrics.opened(session.endpoint());
        return session;
    }

    /**
     * Applies the common rules ({@link InboundRules}) to one inbound text frame. Returns the message when it is of a
     * type the endpoint handles; everything else (ping, malformed JSON, unknown type, over the rate) is answered here.
     */
    public Optional<ClientMessage> receive(WebSocketConnection connection, String text, Set<String> endpointTypes) {
        Session session = registry.ofConnection(connection.id());
        if (session == null) {
            return Optional.empty();
        }
        session.touch();
        return switch (inbound.judge(session, text, endpointTypes, Instant.now())) {
            case InboundRules.Handle handle -> {
                metrics.messageIn(session.endpoint(), handle.message().type());
                yield Optional.of(handle.message());
            }
            case InboundRules.Pong pong -> {
                metrics.messageIn(session.endpoint(), "ping");
                send(session, pong.reply());
                yield Optional.empty();
            }
            case InboundRules.Refuse refuse -> {
                error(session, refuse.reason());
                yield Optional.empty();
            }
            case InboundRules.Close close -> {
                writer.close(session, close.code(), close.reason());
                yield Optional.empty();
            }
        };
    }

    public void refuseBinary(WebSocketConnection connection) {
        session(connection).ifPresent(session -> {
            session.touch();
            error(session, "Binary messages are not supported");
        });
    }

    /** A pong to the server's ping frames is the sign of life of an otherwise silent client. */
    public void pong(WebSocketConnection connection) {
        session(connection).ifPresent(Session::touch);
    }

    /** A query parameter of the handshake, URL-decoded (e.g. notification resume's {@code since}). */
    public static Optional<String> queryParameter(WebSocketConnection connection, String name) {
        return SessionTokens.queryParameter(connection.handshakeRequest().query(), name);
    }

    public Optional<Session> session(WebSocketConnection connection) {
        return Optional.ofNullable(registry.ofConnection(connection.id()));
    }

    public void error(Session session, String message) {
        send(session, new ServerMessages.Error(null, message));
    }

    public void send(Session session, Object message) {
        writer.send(session, message);
    }

    /** Sends messages, in order, to every session of a routing key on every replica. Blocking: call from a worker. */
    public void deliver(String routingKey, Object... messages) {
        deliver(Map.of(routingKey, Arrays.asList(messages)));
    }

    /**
     * Sends each routing key's messages, in order, to every session of that key on every replica: each message is
     * serialised once, and all keys go out in one round trip to Redis. Blocking: call from a worker.
     */
    public void deliver(Map<String, List<Object>> messagesByRoutingKey) {
        Map<String, List<String>> linesByKey = new LinkedHashMap<>();
        messagesByRoutingKey.forEach((key, messages) -> linesByKey.put(key,
                messages.stream().map(message -> Delivery.of(message, writer.json(message)).toWire()).toList()));
        fanout.publish(linesByKey);
    }

    /**
     * Tells every replica that pushes to these routing keys may have been lost, although storage has them: their
     * sessions are closed with 1012 and their clients resume. Does not block.
     */
    public void announceGap(Set<String> routingKeys) {
        fanout.announceGap(routingKeys);
    }

    public void closed(WebSocketConnection connection) {
        if (!closesCountedEarly.remove(connection.id())) {
            CloseReason reason = connection.closeReason();
            metrics.closed(connection.endpointId(), reason == null ? CloseReason.ABNORMAL.getCode() : reason.getCode());
        }
        Session session = registry.ofConnection(connection.id());
        if (session != null) {
            unregister(session);
        }
    }

    /** Takes a session out of every delivery; true if it was still registered. */
    private boolean unregister(Session session) {
        if (!registry.remove(session)) {
            return false;
        }
        timers.stopExpiry(session);
        for (String key : session.routingKeys()) {
            fanout.release(key);
        }
        metrics.closedOpenSession(session.endpoint());
        return true;
    }

    /**
     * A client that stopped reading cannot receive the close frame either, so its close completes only when the
     * connection finally drops: it is taken out of every delivery and counted as closed with 1013 right away.
     */
    private void closeSlowClient(Session session) {
        if (unregister(session)) {
            closesCountedEarly.add(session.connection().id());
            metrics.closed(session.endpoint(), CloseCodes.TRY_AGAIN_LATER);
            LOG.infof("Closing session %s with 1013: it stopped reading", session.connection().id());
        }
        writer.close(session, CloseCodes.TRY_AGAIN_LATER, "Client cannot keep up");
    }

    /**
     * Closes every open session with 1001 so clients reconnect to another replica during a rolling update, and waits
     * (bounded) until the close frames are written. This is Quarkus's first shutdown step (the shutdown delay phase;
     * ws-session enables it): by {@code ShutdownEvent} the WebSocket server has already closed every connection
     * with 1000 (normal closure), which does not tell a client to move to another replica.
     */
    void closeAllOnShutdown(@Observes ShutdownDelayInitiatedEvent shutdown) {
        List<Uni<Void>> closes = new ArrayList<>();
        for (Session session : List.copyOf(registry.all())) {
            if (session.connection().isOpen()) {
                closes.add(session.connection().close(new CloseReason(CloseCodes.GOING_AWAY, "Server shutting down"))
                        .onFailure().recoverWithNull());
            }
        }
        if (closes.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(closes).andFailFast().await().atMost(CLOSE_ON_SHUTDOWN_TIMEOUT);
            LOG.infof("Closed %d sessions with 1001", closes.size());
        } catch (io.smallrye.mutiny.TimeoutException e) {
            LOG.warnf("Closing %d sessions with 1001 took longer than %s; stopping anyway", closes.size(),
                    CLOSE_ON_SHUTDOWN_TIMEOUT);
        }
    }

    /**
     * Closes the sessions of keys whose live deliveries may have been lost, with 1012, so that their clients reconnect
     * and resume from storage rather than stay open with a silently stale view. Closing was chosen over a catch-up
     * inside the open session because resuming on reconnect is one path for all three endpoints, the same one a
     * restart or a fail-over takes, and it is where the replay and its de-duplication already live.
     */
    private void closeAfterGap(Set<String> routingKeys, long sinceNanos) {
        Set<Session> affected = new HashSet<>();
        for (String key : routingKeys) {
            for (Session session : registry.withKey(key)) {
                if (session.openedAtNanos() - sinceNanos < 0 || session.isStale()) {
                    session.markStale();
                    affected.add(session);
                }
            }
        }
        if (affected.isEmpty()) {
            return;
        }
        LOG.warnf("Live deliveries to %d routing keys may have been lost; closing their %d sessions with 1012 so "
                + "that the clients resume", routingKeys.size(), affected.size());
        for (Session session : affected) {
            writer.close(session, CloseCodes.SERVICE_RESTART, "Live updates were interrupted: reconnect to resume");
        }
    }

    private void deliverLocally(String routingKey, List<String> lines) {
        Set<Session> receivers = registry.withKey(routingKey);
        if (receivers.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = lines.stream().map(Delivery::fromWire).toList();
        for (Session session : receivers) {
            if (session.isStale()) {
                continue;
            }
            try {
                for (Delivery delivery : deliveries) {
                    if (session.offerLive(delivery) == Session.LiveDelivery.WRITE) {
                        writer.write(session, delivery.json());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Delivery to session %s failed: %s", session.connection().id(), e.getMessage());
            }
        }
    }

    /**
     * Waits until this replica receives what is published for the session's keys, so that nothing published after
     * {@code connection_established} passes it by. Redis being slow or away must not keep a client from connecting:
     * past the bound the session opens anyway and its keys are subscribed when Redis answers again.
     */
    private static void awaitSubscriptions(WebSocketConnection connection, List<Future<Void>> subscriptions) {
        try {
            Future.all(subscriptions).toCompletionStage().toCompletableFuture()
                    .get(SUBSCRIBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Session %s opens before its fan-out subscription was confirmed: %s", connection.id(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
