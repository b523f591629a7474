package com.laundryconnect.realtime.localdev.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Prefix examples of the Kubernetes Ingress documentation, plus this suite's own paths. */
class PathPrefixTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "/,                 /anything/at/all,       true",
            "/foo,              /foo,                   true",
            "/foo,              /foo/,                  true",
            "/foo/,             /foo,                   true",
            "/foo/,             /foo/,                  true",
            "/aaa/bb,           /aaa/bbb,               false",
            "/aaa/bbb,          /aaa/bbb,               true",
            "/aaa/bbb/,         /aaa/bbb,               true",
            "/aaa/bbb,          /aaa/bbb/,              true",
            "/aaa/bbb,          /aaa/bbb/ccc,           true",
            "/aaa/bbb,          /aaa/bbbxyz,            false",
            "/api/realtime,     /api/realtime,          true",
            "/api/realtime,     /api/realtime/,         true",
            "/api/realtime,     /api/realtime/token/,   true",
            "/api/realtime,     /api/realtime/jwks.json, true",
            "/api/realtime,     /api/realtimex,         false",
            "/api/realtime,     /api,                   false",
            "/ws/orders,        /ws/orders/42/,         true",
            "/ws/orders,        /ws/order,              false",
            "/ws/notifications, /WS/notifications/,     false",
    })
    void matchesElementByElement(String prefix, String requestPath, boolean expected) {
        assertEquals(expected, PathPrefix.of(prefix).matches(requestPath));
    }
}
