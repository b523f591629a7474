package com.laundryconnect.realtime.tracking.ws;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.laundryconnect.realtime.session.CloseCodes;
import com.laundryconnect.realtime.session.auth.Caller;
import com.laundryconnect.realtime.session.ws.Sessions;
import com.laundryconnect.realtime.tracking.TrackingConfig;
import com.laundryconnect.realtime.tracking.chat.OrderChat;
import com.laundryconnect.realtime.tracking.location.LatestLocations;
import com.laundryconnect.realtime.tracking.push.OrderIds;
import com.laundryconnect.realtime.tracking.push.RoutingKeys;
import com.laundryconnect.realtime.tracking.push.TrackingMessages;
import com.laundryconnect.realtime.tracking.store.OrderView;
import com.laundryconnect.realtime.tracking.store.OrderViews;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;

/**
 * Decides whether an authenticated caller may track the order of the path: its customer, its assigned partner or
 * staff. The order's first event (or the caller's assignment) may still be on its way, so a caller who is not yet
 * allowed is looked at again until {@code realtime.tracking.order-wait} has passed since the connection was
 * authenticated. Every refusal is sent exactly then, whether the order is unknown, forbidden or its id malformed, so
 * neither the answer nor its timing tells a stranger whether an order exists. Waiting costs no thread: between two
 * looks there is only a timer.
 */
@ApplicationScoped
public class OrderAdmission {

    static final String REFUSAL = "You do not have access to this order";

    private static final Logger LOG = Logger.getLogger(OrderAdmission.class);
    private static final String ORDER_ID = "order_id";
    private static final int INTERNAL_ERROR = 1011;

    private final Sessions sessions;
    private final OrderViews views;
    private final LatestLocations locations;
    private final OrderChat chat;
    private final TrackingConfig config;
    private final Vertx vertx;

    public OrderAdmission(Sessions sessions, OrderViews views, LatestLocations locations, OrderChat chat,
                          TrackingConfig config, Vertx vertx) {
        this.sessions = sessions;
        this.views = views;
        this.locations = locations;
        this.chat = chat;
        this.config = config;
        this.vertx = vertx;
    }

    private record Candidate(WebSocketConnection connection, Caller caller, String orderId, boolean trackable,
                             long deadlineNanos) {
    }

    /** Blocking: call on a worker thread. */
    public void admit(WebSocketConnection connection, Caller caller) {
        String orderId = connection.pathParam(ORDER_ID);
        attempt(new Candidate(connection, caller, orderId, OrderIds.isTrackable(orderId),
                System.nanoTime() + config.orderWait().toNanos()));
    }

    private static boolean mayTrack(Caller caller, OrderView view) {
        return caller.staff() || view.isCustomer(caller.userId()) || view.isAssignedPartner(caller.userId());
    }

    private void attempt(Candidate candidate) {
        if (!candidate.connection().isOpen()) {
            return;
        }
        try {
            if (candidate.trackable()) {
                Optional<OrderView> view = views.find(candidate.orderId());
                if (view.isPresent() && mayTrack(candidate.caller(), view.get())) {
                    open(candidate, view.get());
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not admit a subscriber to order %s", candidate.orderId());
            candidate.connection().close(new CloseReason(INTERNAL_ERROR, "Server error")).subscribe().with(
                    closed -> { }, failure -> LOG.debugf("Close after a failed admission failed: %s", failure.getMessage()));
            return;
        }
        long remainingNanos = candidate.deadlineNanos() - System.nanoTime();
        if (remainingNanos <= 0) {
            sessions.refuse(candidate.connection(), CloseCodes.FORBIDDEN, REFUSAL);
            return;
        }
        long delayNanos = candidate.trackable()
                ? Math.min(remainingNanos, config.orderPollInterval().toNanos())
                : remainingNanos;
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos)),
                timer -> vertx.executeBlocking(() -> {
                    attempt(candidate);
                    return null;
                }, false));
    }

    private void open(Candidate candidate, OrderView view) {
        String orderId = view.orderId;
        boolean customer = view.isCustomer(candidate.caller().userId());
        Set<String> routingKeys = customer
                ? Set.of(RoutingKeys.order(orderId), RoutingKeys.orderCustomer(orderId))
                : Set.of(RoutingKeys.order(orderId));
        TrackingMessages.ConnectionEstablished established = new TrackingMessages.ConnectionEstablished(snapshot(view),
                customer ? chat.partnerResumePoint(orderId) : null);
        Optional<String> since = customer ? resumeAfter(candidate.connection()) : Optional.empty();
        if (since.isEmpty()) {
            sessions.open(candidate.connection(), candidate.caller(), routingKeys, established);
            return;
        }
        sessions.openResuming(candidate.connection(), candidate.caller(), routingKeys, established,
                () -> chat.partnerMessagesAfter(orderId, since.get()));
    }

    private TrackingMessages.OrderSnapshot snapshot(OrderView view) {
        TrackingMessages.LastLocation lastLocation = locations.latest(view.orderId)
                .map(l -> new TrackingMessages.LastLocation(l.latitude(), l.longitude(), l.recordedAt()))
                .orElse(null);
        return new TrackingMessages.OrderSnapshot(view.orderId, view.orderNumber, view.statusOrPending().wireValue(),
                view.statusDisplayOrDefault(),
                view.partnerId == null ? null : new TrackingMessages.PartnerRef(view.partnerId, view.partnerName),
                view.eta, lastLocation, view.updatedAt);
    }

    /** {@code ?since=<message id>} (or {@code last_event_id}): the last partner message the client has seen. */
    private static Optional<String> resumeAfter(WebSocketConnection connection) {
        return Sessions.queryParameter(connection, "since")
                .or(() -> Sessions.queryParameter(connection, "last_event_id"))
                .filter(since -> !since.isBlank());
    }
}
