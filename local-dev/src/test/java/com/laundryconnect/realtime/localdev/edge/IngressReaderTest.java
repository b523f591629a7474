package com.laundryconnect.realtime.localdev.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressReaderTest {

    // Surefire runs in the module directory; this is the very file dev/up's EdgeConfig reads from the repository root.
    private static final Path REPOSITORY_INGRESS = Path.of("../k8s/base/ingress.yaml");

    @Test
    void readsThePublicRoutesOfTheRepositoryIngressWithItsTimeoutsAndBodyLimit() {
        ProxySettings settings = new ProxySettings(5, 3600, 3600, "1m", false, "4k", true, List.of());

        assertEquals(List.of(
                        new IngressPath("/api/realtime", PathType.PREFIX, "token-service", settings),
                        new IngressPath("/api/notifications", PathType.PREFIX, "notification-service", settings),
                        new IngressPath("/ws/notifications", PathType.PREFIX, "notification-service", settings),
                        new IngressPath("/ws/orders", PathType.PREFIX, "tracking-service", settings),
                        new IngressPath("/ws/partner", PathType.PREFIX, "partner-service", settings)),
                IngressReader.read(REPOSITORY_INGRESS));
    }

    @Test
    void readsEveryRuleOfEveryIngressDocumentEachWithItsOwnAnnotations(@TempDir Path directory) throws IOException {
        Path manifest = Files.writeString(directory.resolve("ingress.yaml"), """
                apiVersion: v1
                kind: Service
                metadata: {name: ignored}
                ---
                kind: Ingress
                metadata:
                  annotations:
                    nginx.ingress.kubernetes.io/proxy-body-size: "8m"
                    nginx.ingress.kubernetes.io/proxy-buffering: "on"
                    nginx.ingress.kubernetes.io/ssl-redirect: "true"
                    kubernetes.io/description: not for nginx
                spec:
                  rules:
                    - host: a.example
                      http:
                        paths:
                          - {path: /a, pathType: Prefix, backend: {service: {name: svc-a, port: {number: 80}}}}
                    - http:
                        paths:
                          - {path: /b/, pathType: Exact, backend: {service: {name: svc-b, port: {name: http}}}}
                ---
                kind: Ingress
                metadata:
                  annotations: {nginx.ingress.kubernetes.io/proxy-connect-timeout: "2"}
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /c, pathType: Prefix, backend: {service: {name: svc-c}}}
                """);
        ProxySettings first = new ProxySettings(5, 60, 60, "8m", true, "4k", true,
                List.of("nginx.ingress.kubernetes.io/ssl-redirect"));
        ProxySettings second = new ProxySettings(2, 60, 60, "1m", false, "4k", true, List.of());

        assertEquals(List.of(
                        new IngressPath("/a", PathType.PREFIX, "svc-a", first),
                        new IngressPath("/b/", PathType.EXACT, "svc-b", first),
                        new IngressPath("/c", PathType.PREFIX, "svc-c", second)),
                IngressReader.read(manifest));
    }

    @Test
    void refusesImplementationSpecificPaths(@TempDir Path directory) throws IOException {
        InvalidRoutesException error = assertThrows(InvalidRoutesException.class, () -> IngressReader.read(
                ingressWithPath(directory, "{path: /any, pathType: ImplementationSpecific, backend: {service: {name: svc}}}")));

        assertTrue(error.getMessage().contains("/any") && error.getMessage().contains("ImplementationSpecific"),
                error.getMessage());
    }

    @Test
    void refusesAPathNginxWouldReadAsSyntax(@TempDir Path directory) throws IOException {
        InvalidRoutesException error = assertThrows(InvalidRoutesException.class, () -> IngressReader.read(
                ingressWithPath(directory, "{path: '/a;b {', pathType: Prefix, backend: {service: {name: svc}}}")));

        assertTrue(error.getMessage().contains("/a;b {"), error.getMessage());
    }

    @Test
    void refusesAnAnnotationValueNginxWouldNotTake(@TempDir Path directory) throws IOException {
        Path manifest = Files.writeString(directory.resolve("ingress.yaml"), """
                kind: Ingress
                metadata:
                  annotations: {nginx.ingress.kubernetes.io/proxy-read-timeout: "1h; deny all"}
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /a, pathType: Prefix, backend: {service: {name: svc}}}
                """);

        InvalidRoutesException error = assertThrows(InvalidRoutesException.class, () -> IngressReader.read(manifest));

        assertTrue(error.getMessage().contains("proxy-read-timeout"), error.getMessage());
    }

    @Test
    void refusesAManifestWithoutIngressPaths(@TempDir Path directory) throws IOException {
        Path manifest = Files.writeString(directory.resolve("ingress.yaml"), "kind: Service\n");

        assertThrows(InvalidRoutesException.class, () -> IngressReader.read(manifest));
    }

    private static Path ingressWithPath(Path directory, String path) throws IOException {
        return Files.writeString(directory.resolve("ingress.yaml"), """
                kind: Ingress
                spec:
                  rules:
                    - http:
                        paths:
                          - %s
                """.formatted(path));
    }
}
