package com.laundryconnect.realtime.notification.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.notification.store.NewNotification;
import com.laundryconnect.realtime.notification.store.Notification;
import com.laundryconnect.realtime.notification.store.NotificationStore;
import com.laundryconnect.realtime.notification.store.StoredNotification;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** The unread count is a counter kept beside the rows: it must stay exactly the number of unread rows. */
@QuarkusTest
class UnreadCounterTest {

    @Inject
    NotificationStore store;

    @Test
    void aBatchGivesEachNotificationTheCountRightAfterItAndSkipsWhatWasStoredBefore() {
        String userId = TestTokens.newUserId();
        String otherUser = TestTokens.newUserId();
        NewNotification first = notification(userId);
        store.storeOnce(List.of(first));

        List<StoredNotification> stored = store.storeOnce(List.of(first, notification(userId), notification(otherUser),
                notification(userId)));

        assertEquals(List.of(2L, 1L, 3L), stored.stream().map(StoredNotification::unreadCount).toList());
        assertEquals(List.of(userId, otherUser, userId), stored.stream().map(each -> each.notification().userId).toList());
        assertEquals(3, store.unreadCount(userId));
        assertEquals(1, store.unreadCount(otherUser));
    }

    @Test
    void theCounterStaysExactUnderConcurrentInsertsAndMarks() throws Exception {
        String userId = TestTokens.newUserId();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                work.add(threads.submit(() -> {
                    for (int batch = 0; batch < 25; batch++) {
                        List<NewNotification> notifications = new ArrayList<>();
                        for (int i = 0; i < 8; i++) {
                            notifications.add(notification(userId));
                        }
                        store.storeOnce(notifications);
                    }
                }));
            }
            work.add(threads.submit(() -> {
                for (int mark = 0; mark < 60; mark++) {
                    List<Notification> page = store.page(userId, true, null, 20);
                    if (!page.isEmpty()) {
                        store.markRead(userId, page.get(ThreadLocalRandom.current().nextInt(page.size())).id);
                    }
                }
            }));
            work.add(threads.submit(() -> {
                for (int mark = 0; mark < 10; mark++) {
                    store.markAllRead(userId);
                }
            }));
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }

        long unreadRows = store.count("userId = ?1 and read = false", userId);
        assertEquals(unreadRows, store.unreadCount(userId));
        assertEquals(400, store.count("userId", userId));
    }

    private static NewNotification notification(String userId) {
        return new NewNotification(UUID.randomUUID().toString(), userId, "Title", "Message", "promotion",
                Map.of("coupon", "LC50"));
    }
}
