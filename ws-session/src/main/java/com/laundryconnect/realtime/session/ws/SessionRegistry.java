package com.laundryconnect.realtime.session.ws;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions this replica holds, by connection and by routing key (a user, an order, a partner). */
final class SessionRegistry {

    private final Map<String, Session> byConnectionId = new ConcurrentHashMap<>();
    private final Map<String, Set<Session>> byRoutingKey = new ConcurrentHashMap<>();

    void add(Session session) {
        byConnectionId.put(session.connection().id(), session);
        for (String key : session.routingKeys()) {
            byRoutingKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    /** Takes the session out; false if it was not (or no longer) registered. */
    boolean remove(Session session) {
        if (!byConnectionId.remove(session.connection().id(), session)) {
            return false;
        }
        for (String key : session.routingKeys()) {
            byRoutingKey.computeIfPresent(key, (k, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
        return true;
    }

    /** The session of a connection, or null. */
    Session ofConnection(String connectionId) {
        return byConnectionId.get(connectionId);
    }

    Set<Session> withKey(String routingKey) {
        return byRoutingKey.getOrDefault(routingKey, Set.of());
    }

    Collection<Session> all() {
        return byConnectionId.values();
    }
}
