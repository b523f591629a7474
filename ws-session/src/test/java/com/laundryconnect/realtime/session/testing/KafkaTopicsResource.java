package com.laundryconnect.realtime.session.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes sure the topics exist before the application's consumers subscribe to them. */
public class KafkaTopicsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestKafka.ensureTopics();
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
