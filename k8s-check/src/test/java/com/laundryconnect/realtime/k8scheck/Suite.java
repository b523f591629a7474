package com.laundryconnect.realtime.k8scheck;

import java.util.List;
import java.util.Map;

/** What the manifests must deploy, from the contract and the service READMEs. */
final class Suite {

    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String NAMESPACE = "laundryconnect-realtime";

    /** The four Quarkus services; each is a Deployment, a Service and more, all named like the module. */
    static final List<String> SERVICES = List.of("token-service", "notification-service", "tracking-service", "partner-service");

    /** The services that consume Kafka and own a database. */
    static final List<String> KAFKA_SERVICES = List.of("notification-service", "tracking-service", "partner-service");

    /** Each service's HTTP port in production ({@code quarkus.http.port}). */
    static final int HTTP_PORT = 8080;

    /** Contract section 1: the public route prefixes and the service behind each. /internal is deliberately absent. */
    static final Map<String, String> PUBLIC_ROUTES = Map.of(
            "/api/realtime", "token-service",
            "/api/notifications", "notification-service",
            "/ws/notifications", "notification-service",
            "/ws/orders", "tracking-service",
            "/ws/partner", "partner-service");

    /** Quarkus SmallRye Health's endpoints, probed by the kubelet. */
    static final String STARTED_PATH = "/q/health/started";
    static final String LIVE_PATH = "/q/health/live";
    static final String READY_PATH = "/q/health/ready";
    static final String METRICS_PATH = "/q/metrics";

    /** The contract's path of the WS-token keys on token-service (section 1). */
    static final String JWKS_PATH = "/api/realtime/jwks.json";

    /** The environment variables that each service's README marks as required in production. */
    static final Map<String, List<String>> REQUIRED_ENVIRONMENT = Map.of(
            "token-service", List.of("QUARKUS_REDIS_HOSTS", "REALTIME_ACCESS_TOKEN_SECRET", "REALTIME_SIGNING_KEYS_JWKS",
                    "REALTIME_WS_BASE_URL"),
            "notification-service", websocketServiceEnvironment(),
            "tracking-service", websocketServiceEnvironment(),
            "partner-service", websocketServiceEnvironment());

    private Suite() {
    }

    private static List<String> websocketServiceEnvironment() {
        return List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "QUARKUS_REDIS_HOSTS", "KAFKA_BOOTSTRAP_SERVERS", "REALTIME_WS_TOKEN_JWKS_LOCATION",
                "REALTIME_ACCESS_TOKEN_SECRET");
    }
}
