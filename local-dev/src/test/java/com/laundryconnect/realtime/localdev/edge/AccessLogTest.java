package com.laundryconnect.realtime.localdev.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessLogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/ws/notifications/?token=eyJhbGciOi.x.y          | /ws/notifications/?token=REDACTED",
            "/ws/orders/42/?since=7&token=eyJ.a.b&x=1         | /ws/orders/42/?since=7&token=REDACTED&x=1",
            "/ws/partner/?token=                               | /ws/partner/?token=REDACTED",
            "/ws/partner/?page=2&notoken=keep                  | /ws/partner/?page=2&notoken=keep",
            "/api/realtime/token/                              | /api/realtime/token/",
    })
    void theTokenQueryParameterNeverReachesTheLog(String uri, String logged) {
        assertEquals(logged, AccessLog.redactTokens(uri));
    }
}
