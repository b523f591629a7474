package com.laundryconnect.realtime.notification.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Opening a session reads the database, so a burst of connections queues for the pool. With the pool made tiny and
 * held busy for longer than Agroal's default acquisition timeout (5 s), as a burst on a fresh replica does, every
 * one of 50 sessions opened at once must still get {@code connection_established}, never a close with 1011.
 */
@QuarkusTest
@TestProfile(ConnectionBurstTest.TinyPool.class)
class ConnectionBurstTest {

    private static final int SESSIONS = 50;
    private static final long POOL_BUSY_MILLIS = 6_000;

    public static class TinyPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2");
        }
    }

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Inject
    AgroalDataSource dataSource;

    /** Both connections of the pool are taken by the test while the sessions open. */
    @Test
    void fiftySessionsOpenedWhileThePoolIsBusyAreAllEstablished() throws SQLException, InterruptedException {
        List<TestSocket> sockets = new ArrayList<>();
        try {
            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                for (int i = 0; i < SESSIONS; i++) {
                    sockets.add(TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(TestTokens.newUserId()))));
                }
                Thread.sleep(POOL_BUSY_MILLIS);
            }
            for (TestSocket socket : sockets) {
                assertEquals("connection_established", socket.next().getString("type"));
            }
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }
}
