package com.laundryconnect.realtime.partner;

import com.laundryconnect.realtime.session.testing.ServiceHealthTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest extends ServiceHealthTest {
}
