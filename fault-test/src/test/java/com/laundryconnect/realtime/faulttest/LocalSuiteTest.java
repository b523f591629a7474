package com.laundryconnect.realtime.faulttest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalSuiteTest {

    @Test
    void aSessionTokenInALogLineIsReplaced() {
        assertEquals("\"GET /ws/notifications/?token=REDACTED&since=42 HTTP/1.1\"",
                LocalSuite.withoutTokens("\"GET /ws/notifications/?token=eyJhbGciOi.x-y_z&since=42 HTTP/1.1\""));
    }
}
