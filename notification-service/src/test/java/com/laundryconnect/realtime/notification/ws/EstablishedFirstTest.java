package com.laundryconnect.realtime.notification.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.notification.push.NotificationMessages;
import com.laundryconnect.realtime.notification.push.NotificationPush;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.ws.Sessions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract 4: {@code connection_established} is a session's first message, even when pushes to its user arrive while
 * it opens. A push can reach a session as soon as it is registered and its user's channel is subscribed, which is
 * before {@code connection_established} is written: each attempt here opens a session of a new user while that user's
 * pushes go out back to back.
 */
@QuarkusTest
class EstablishedFirstTest {

    private static final int ATTEMPTS = 40;

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Inject
    Sessions sessions;

    @Test
    void connectionEstablishedComesFirstWhilePushesToTheUserArrive() throws Exception {
        ExecutorService pusher = Executors.newSingleThreadExecutor();
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String userId = TestTokens.newUserId();
                AtomicBoolean opened = new AtomicBoolean();
                Future<?> pushes = pusher.submit(() -> {
                    while (!opened.get()) {
                        sessions.deliver(NotificationPush.routingKey(userId), new NotificationMessages.UnreadCount(7));
                    }
                });
                try (TestSocket socket = TestSocket.connect(URI.create(endpoint + "?token=" + TestTokens.wsToken(userId)))) {
                    assertEquals("connection_established", socket.next().getString("type"), "attempt " + attempt);
                } finally {
                    opened.set(true);
                    pushes.get();
                }
            }
        } finally {
            pusher.shutdownNow();
        }
    }
}
