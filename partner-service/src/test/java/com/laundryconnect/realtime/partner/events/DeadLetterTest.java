package com.laundryconnect.realtime.partner.events;

import static com.laundryconnect.realtime.session.testing.TopicTail.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.laundryconnect.realtime.events.Topic;
import com.laundryconnect.realtime.partner.support.PartnerSockets;
import com.laundryconnect.realtime.partner.support.TestEvents;
import com.laundryconnect.realtime.session.testing.KafkaTopicsResource;
import com.laundryconnect.realtime.session.testing.TestKafka;
import com.laundryconnect.realtime.session.testing.TestSocket;
import com.laundryconnect.realtime.session.testing.TestTokens;
import com.laundryconnect.realtime.session.testing.TopicTail;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Contract 8: malformed records go to the dead-letter topic, unknown types are skipped, and the partition moves on. */
@QuarkusTest
@WithTestResource(value = KafkaTopicsResource.class, scope = TestResourceScope.GLOBAL)
class DeadLetterTest {

    @TestHTTPResource("/ws/partner/")
    URI endpoint;

    @Test
    void aMalformedRecordIsDeadLetteredAndAnUnknownTypeSkippedWithoutStallingThePartition() {
        String partnerId = TestTokens.newUserId();
        String topic = Topic.PARTNER_EARNINGS.topicName();
        try (TopicTail deadLetters = TopicTail.ofDeadLetters(Topic.PARTNER_EARNINGS);
             TestSocket partner = PartnerSockets.connectPartner(endpoint, partnerId)) {
            TestKafka.produce(topic, partnerId, "{this is not an event");
            TestKafka.produce(topic, partnerId, """
                    {"specversion":"1.0","id":"%s","type":"earnings.reversed","source":"main-backend",
                     "data":{"partner_id":"%s","amount":"99.00"}}""".formatted(UUID.randomUUID(), partnerId));
            TestKafka.produce(topic, partnerId, """
                    {"specversion":"1.0","id":"%s","type":"earnings.credited","source":"main-backend",
                     "data":{"partner_id":"%s","order_id":"order-1","amount":"not money","currency":"INR"}}"""
                    .formatted(UUID.randomUUID(), partnerId));
            TestKafka.produce(TestEvents.credit(partnerId, "order-2", "30.00", "INR"));

            JsonObject update = partner.next();
            assertEquals("earnings_update", update.getString("type"));
            assertEquals("30.00", update.getString("total"));

            deadLetters.awaitRecords(keyed(partnerId), 2);
            List<ConsumerRecord<String, String>> deadLettered = deadLetters.readFor(Duration.ofMillis(500), keyed(partnerId));
            assertEquals(2, deadLettered.size(), "only the two malformed records: " + deadLettered);
            assertEquals("{this is not an event", deadLettered.get(0).value());
        }
    }
}
