package com.laundryconnect.realtime.localdev.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressReaderTest {

    // Surefire runs in the module directory; these are the very files LocalEdge reads from the repository root.
    private static final Path REPOSITORY_INGRESS = Path.of("../k8s/base/ingress.yaml");
    private static final Path REPOSITORY_SERVICE_PORTS = Path.of("../dev/services.properties");

    @Test
    void readsThePublicRoutesOfTheRepositoryIngress() {
        assertEquals(List.of(
                        new IngressPath("/api/realtime", "token-service"),
                        new IngressPath("/api/notifications", "notification-service"),
                        new IngressPath("/ws/notifications", "notification-service"),
                        new IngressPath("/ws/orders", "tracking-service"),
                        new IngressPath("/ws/partner", "partner-service")),
                IngressReader.read(REPOSITORY_INGRESS));
    }

    @Test
    void theRepositoryRouteTableServesContractSectionOneAndNothingElse() {
        RouteTable routes = RouteTable.of(IngressReader.read(REPOSITORY_INGRESS),
                ServicePorts.load(REPOSITORY_SERVICE_PORTS), "127.0.0.1");

        assertEquals(Optional.of("token-service"), serviceFor(routes, "/api/realtime/token/"));
        assertEquals(Optional.of("token-service"), serviceFor(routes, "/api/realtime/jwks.json"));
        assertEquals(Optional.of("notification-service"), serviceFor(routes, "/ws/notifications/"));
        assertEquals(Optional.of("notification-service"), serviceFor(routes, "/ws/notifications"));
        assertEquals(Optional.of("notification-service"), serviceFor(routes, "/api/notifications/read-all/"));
        assertEquals(Optional.of("tracking-service"), serviceFor(routes, "/ws/orders/5b0c/"));
        assertEquals(Optional.of("partner-service"), serviceFor(routes, "/ws/partner/"));
        assertEquals(Optional.empty(), serviceFor(routes, "/internal/events"));
        assertEquals(Optional.empty(), serviceFor(routes, "/api/realtimex"));
        assertEquals(Optional.empty(), serviceFor(routes, "/q/health/ready"));
    }

    @Test
    void readsEveryRuleOfEveryIngressDocument(@TempDir Path directory) throws IOException {
        Path manifest = Files.writeString(directory.resolve("ingress.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: ignored}
                ---
                kind: Ingress
                spec:
                  rules:
                    - host: a.example
                      http:
                        paths:
                          - {path: /a, pathType: Prefix, backend: {service: {name: svc-a, port: {number: 80}}}}
                    - http:
                        paths:
                          - {path: /b/, pathType: Prefix, backend: {service: {name: svc-b, port: {name: http}}}}
                """);

        assertEquals(List.of(new IngressPath("/a", "svc-a"), new IngressPath("/b/", "svc-b")),
                IngressReader.read(manifest));
    }

    @Test
    void refusesAPathTypeOtherThanPrefix(@TempDir Path directory) throws IOException {
        Path manifest = Files.writeString(directory.resolve("ingress.yaml"), """
                kind: Ingress
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /exact, pathType: Exact, backend: {service: {name: svc}}}
                """);

        InvalidRoutesException error = assertThrows(InvalidRoutesException.class, () -> IngressReader.read(manifest));

        assertTrue(error.getMessage().contains("/exact") && error.getMessage().contains("Exact"), error.getMessage());
    }

    @Test
    void refusesAManifestWithoutIngressPaths(@TempDir Path directory) throws IOException {
        Path manifest = Files.writeString(directory.resolve("ingress.yaml"), "kind: Service\n");

        assertThrows(InvalidRoutesException.class, () -> IngressReader.read(manifest));
    }

    private static Optional<String> serviceFor(RouteTable routes, String path) {
        return routes.backendFor(path).map(Backend::serviceName);
    }
}
