package com.laundryconnect.realtime.session.ws;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Redis fan-out subscription is up. Without it, what another replica consumes for this
 * replica's sessions never reaches them, although Redis itself may answer (Quarkus's own Redis check would say UP):
 * new connections belong on a replica that can push.
 */
@Readiness
@ApplicationScoped
class FanoutReadiness implements HealthCheck {

    static final String NAME = "Redis fan-out subscription";

    private final ClusterFanout fanout;

    FanoutReadiness(ClusterFanout fanout) {
        this.fanout = fanout;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(fanout.subscribed()).build();
    }
}
