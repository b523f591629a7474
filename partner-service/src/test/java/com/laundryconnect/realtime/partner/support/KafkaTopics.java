package com.laundryconnect.realtime.partner.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes sure the topics exist before the application's consumers subscribe to them. */
public class KafkaTopics implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Kafka.ensureTopics();
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
