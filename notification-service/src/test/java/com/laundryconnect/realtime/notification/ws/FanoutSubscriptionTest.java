package com.laundryconnect.realtime.notification.ws;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A replica listens only to the users it holds sessions for, so each event is parsed by the replicas that need it
 * rather than by all of them.
 */
@QuarkusTest
class FanoutSubscriptionTest {

    @TestHTTPResource("/ws/notifications/")
    URI endpoint;

    @Inject
    RedisDataSource redis;

    @Test
    void aReplicaSubscribesToAUsersChannelOnlyWhileItHoldsOneOfTheirSessions() {
        String userId = TestTokens.newUserId();
        String absentUser = TestTokens.newUserId();
        URI uri = URI.create(endpoint + "?token=" + TestTokens.wsToken(userId));
        try (TestSocket web = TestSocket.connect(uri); TestSocket phone = TestSocket.connect(uri)) {
            assertEquals("connection_established", web.next().getString("type"));
            assertEquals("connection_established", phone.next().getString("type"));
            assertEquals(1, subscribers(userId));
            assertEquals(0, subscribers(absentUser));
            web.close();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> subscribers(userId) == 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> subscribers(userId) == 0);
    }

    private long subscribers(String userId) {
        return redis.execute("PUBSUB", "NUMSUB", "realtime:fanout:notification-service:user:" + userId).get(1).toLong();
    }
}
