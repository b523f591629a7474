package com.laundryconnect.realtime.partner.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.CloudEvent;
import com.laundryconnect.realtime.events.payload.EarningsCredited;
import com.laundryconnect.realtime.partner.store.Credit;
import com.laundryconnect.realtime.partner.store.EarningsEntry;
import com.laundryconnect.realtime.partner.store.EarningsLedger;
import com.laundryconnect.realtime.partner.store.PartnerBalance;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** earnings.credited events become the partner's ledger and earnings_update pushes with the exact total. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class EarningsTest {

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @Inject
    EarningsLedger ledger;

    @Test
    void aCreditReachesEverySessionOfThePartnerWithTheNewTotal() {
        String partnerId = TestTokens.newUserId();
        try (TestSocket phone = PartnerSockets.connectPartner(endpoint, partnerId);
             TestSocket web = PartnerSockets.connectPartner(endpoint, partnerId);
             TestSocket otherPartner = PartnerSockets.connectPartner(endpoint, TestTokens.newUserId())) {
            TestKafka.produce(TestEvents.credit(partnerId, "order-1", "249.50", "INR"));
            for (TestSocket socket : List.of(phone, web)) {
                JsonObject update = socket.next();
                assertEquals("earnings_update", update.getString("type"));
                assertEquals("249.50", update.getString("amount"));
                assertEquals("249.50", update.getString("total"));
                assertEquals("INR", update.getString("currency"));
                assertEquals("order-1", update.getString("order_id"));
            }

            TestKafka.produce(TestEvents.credit(partnerId, "order-2", "100", "INR"));
            JsonObject second = phone.next();
            assertEquals("100.00", second.getString("amount"));
            assertEquals("349.50", second.getString("total"));
            assertEquals("349.50", web.next().getString("total"));
            assertTrue(otherPartner.quietFor(Duration.ofMillis(500)).isEmpty());
        }
    }

    @Test
    void aRedeliveredCreditIsCountedAndPushedOnce() {
        String partnerId = TestTokens.newUserId();
        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, partnerId)) {
            CloudEvent credit = TestEvents.credit(partnerId, "order-1", "10.25", "INR");
            TestKafka.produce(credit);
            assertEquals("10.25", socket.next().getString("total"));

            TestKafka.produce(credit);
            TestKafka.produce(TestEvents.credit(partnerId, "order-2", "5", "INR"));
            JsonObject next = socket.next();
            assertEquals("order-2", next.getString("order_id"));
            assertEquals("15.25", next.getString("total"));
            assertEquals(2, EarningsEntry.count("partnerId", partnerId));
        }
    }

    @Test
    void totalsAreKeptPerCurrencyAndTheDefaultCurrencyIsShownOnConnecting() {
        String partnerId = TestTokens.newUserId();
        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, partnerId)) {
            TestKafka.produce(TestEvents.credit(partnerId, "order-1", "100.00", "INR"));
            TestKafka.produce(TestEvents.credit(partnerId, "order-2", "20.00", "USD"));
            TestKafka.produce(TestEvents.credit(partnerId, "order-3", "50.00", "INR"));
            assertEquals(List.of("100.00 INR", "20.00 USD", "150.00 INR"),
                    List.of(totalOf(socket.next()), totalOf(socket.next()), totalOf(socket.next())));
        }
        try (TestSocket reconnected = PartnerSockets.connect(endpoint, TestTokens.partnerWsToken(partnerId))) {
            JsonObject established = reconnected.next();
            assertEquals("150.00", established.getString("total_earnings"));
            assertEquals("INR", established.getString("currency"));
        }
    }

    @Test
    void aPartnerPaidOnlyInAnotherCurrencySeesThatTotalOnConnecting() {
        String partnerId = TestTokens.newUserId();
        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, partnerId)) {
            TestKafka.produce(TestEvents.credit(partnerId, "order-1", "12.5", "USD"));
            assertEquals("12.50 USD", totalOf(socket.next()));
        }
        try (TestSocket reconnected = PartnerSockets.connect(endpoint, TestTokens.partnerWsToken(partnerId))) {
            JsonObject established = reconnected.next();
            assertEquals("12.50", established.getString("total_earnings"));
            assertEquals("USD", established.getString("currency"));
        }
    }

    @Test
    void fiftyCreditsProducedConcurrentlyWithDuplicatesGiveTheExactTotal() throws Exception {
        String partnerId = TestTokens.newUserId();
        Random random = new Random();
        List<CloudEvent> distinct = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 40; i++) {
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(100_000), 2);
            distinct.add(TestEvents.credit(partnerId, "order-" + i, amount.toPlainString(), "INR"));
            expected = expected.add(amount);
        }
        List<CloudEvent> produced = new ArrayList<>(distinct);
        for (int i = 0; i < 10; i++) {
            produced.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(produced);

        try (TestSocket socket = PartnerSockets.connectPartner(endpoint, partnerId)) {
            ExecutorService producers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < produced.size(); i++) {
                    CloudEvent event = produced.get(i);
                    int partition = i % TestKafka.PARTITIONS;
                    sends.add(producers.submit(() -> TestKafka.produce(event, partition)));
                }
                for (Future<?> send : sends) {
                    send.get();
                }
            } finally {
                producers.shutdown();
            }

            Set<String> totals = new HashSet<>();
            BigDecimal highest = BigDecimal.ZERO;
            for (int i = 0; i < distinct.size(); i++) {
                BigDecimal total = new BigDecimal(socket.next("earnings_update").getString("total"));
                totals.add(total.toPlainString());
                highest = highest.max(total);
            }
            assertTrue(socket.quietFor(Duration.ofSeconds(1)).isEmpty(), "a duplicate was pushed");
            assertEquals(distinct.size(), totals.size(), "every credit saw its own running total");
            assertEquals(0, expected.compareTo(highest));
        }
        try (TestSocket reconnected = PartnerSockets.connect(endpoint, TestTokens.partnerWsToken(partnerId))) {
            assertEquals(expected.setScale(2).toPlainString(), reconnected.next().getString("total_earnings"));
        }
        assertEquals(distinct.size(), EarningsEntry.count("partnerId", partnerId));
    }

    /** Batches on many threads stand for consumers on several replicas crediting one partner at once. */
    @Test
    void concurrentCreditBatchesForOnePartnerLoseNothingAndCountNothingTwice() throws Exception {
        String partnerId = TestTokens.newUserId();
        List<Callable<List<Credit>>> batches = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        int credited = 0;
        for (int batch = 0; batch < 40; batch++) {
            List<EarningsLedger.CreditEvent> credits = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                BigDecimal amount = BigDecimal.valueOf(1000 + credited, 2);
                credits.add(new EarningsLedger.CreditEvent(UUID.randomUUID().toString(),
                        new EarningsCredited(partnerId, "order-" + credited, amount, "INR")));
                expected = expected.add(amount);
                credited++;
            }
            batches.add(() -> ledger.credit(credits));
            if (batch % 4 == 0) {
                batches.add(() -> ledger.credit(credits));
            }
        }
        Collections.shuffle(batches);

        ExecutorService replicas = Executors.newFixedThreadPool(12);
        List<Credit> applied = new ArrayList<>();
        try {
            for (Future<List<Credit>> result : replicas.invokeAll(batches)) {
                applied.addAll(result.get());
            }
        } finally {
            replicas.shutdown();
        }

        assertEquals(credited, applied.size());
        assertEquals(credited, applied.stream().map(credit -> credit.total().toPlainString()).distinct().count());
        BigDecimal highest = applied.stream().map(Credit::total).reduce(BigDecimal.ZERO, BigDecimal::max);
        assertEquals(0, expected.compareTo(highest));
        PartnerBalance balance = PartnerBalance.find("partnerId", partnerId).firstResult();
        assertEquals(0, expected.compareTo(balance.total));
        assertEquals(0, expected.compareTo(EarningsEntry.<EarningsEntry>list("partnerId", partnerId).stream()
                .map(entry -> entry.amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void eachCreditOfABatchGetsItsOwnRunningTotalAndARepeatedIdCountsOnce() {
        String partnerId = TestTokens.newUserId();
        EarningsLedger.CreditEvent first = credit(partnerId, "order-1", "10.00", "INR");
        List<Credit> applied = ledger.credit(List.of(first, credit(partnerId, "order-2", "5.50", "USD"), first,
                credit(partnerId, "order-3", "2.25", "INR")));
        assertEquals(List.of("order-1 10.00 INR", "order-2 5.50 USD", "order-3 12.25 INR"), applied.stream()
                .map(credit -> credit.orderId() + " " + credit.total().toPlainString() + " " + credit.currency())
                .toList());
        assertEquals(List.of(), ledger.credit(List.of(first)));
    }

    private static EarningsLedger.CreditEvent credit(String partnerId, String orderId, String amount, String currency) {
        return new EarningsLedger.CreditEvent(UUID.randomUUID().toString(),
                new EarningsCredited(partnerId, orderId, new BigDecimal(amount), currency));
    }

    private static String totalOf(JsonObject update) {
        assertEquals("earnings_update", update.getString("type"));
        return update.getString("total") + " " + update.getString("currency");
    }
}
