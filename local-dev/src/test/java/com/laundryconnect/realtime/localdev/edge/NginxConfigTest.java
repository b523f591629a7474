package com.laundryconnect.realtime.localdev.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated nginx.conf; NginxEdgeTest runs it in the real nginx. */
class NginxConfigTest {

    private static final Path REPOSITORY_INGRESS = Path.of("../k8s/base/ingress.yaml");
    private static final Path REPOSITORY_SERVICE_PORTS = Path.of("../dev/services.properties");
    private static final EdgeSite SITE = new EdgeSite("127.0.0.1", 8000, "127.0.0.1", Path.of("/repo/.local/edge"),
            Path.of("/repo/console"), 20_000);
    private static final Pattern LOCATION = Pattern.compile("location (\\S+(?: \\S+)?) \\{\\n\\s+proxy_pass http://([^;]+);");

    @Test
    void routesEveryPathOfTheRepositoryIngressToItsServicesLocalPortInIngressOrder() {
        String config = render(IngressReader.read(REPOSITORY_INGRESS), ServicePorts.load(REPOSITORY_SERVICE_PORTS));

        assertEquals(List.of(
                        "= /api/realtime -> token-service", "/api/realtime/ -> token-service",
                        "= /api/notifications -> notification-service", "/api/notifications/ -> notification-service",
                        "= /ws/notifications -> notification-service", "/ws/notifications/ -> notification-service",
                        "= /ws/orders -> tracking-service", "/ws/orders/ -> tracking-service",
                        "= /ws/partner -> partner-service", "/ws/partner/ -> partner-service",
                        "= /internal/events -> notification-service"),
                proxyLocations(config));
        for (String upstream : List.of("token-service {\n        server 127.0.0.1:8081;",
                "notification-service {\n        server 127.0.0.1:8082;", "tracking-service {\n        server 127.0.0.1:8083;",
                "partner-service {\n        server 127.0.0.1:8084;")) {
            assertTrue(config.contains("upstream " + upstream), upstream);
        }
    }

    @Test
    void carriesTheIngressTimeoutsAndBodyLimitIntoEveryLocation() {
        String config = render(IngressReader.read(REPOSITORY_INGRESS), ServicePorts.load(REPOSITORY_SERVICE_PORTS));

        assertEquals(10, occurrences(config, "proxy_read_timeout 3600s;"));
        assertEquals(10, occurrences(config, "proxy_send_timeout 3600s;"));
        // The ten Ingress locations and the console's local-only publish API, which has ingress-nginx's defaults.
        assertEquals(11, occurrences(config, "client_max_body_size 1m;"));
        assertEquals(11, occurrences(config, "proxy_connect_timeout 5s;"));
        assertEquals(1, occurrences(config, "proxy_read_timeout 60s;"));
    }

    @Test
    void upgradesWebSocketsAndKeepsServiceConnectionsAliveForEverythingElse() {
        String config = render(IngressReader.read(REPOSITORY_INGRESS), ServicePorts.load(REPOSITORY_SERVICE_PORTS));

        assertTrue(config.contains("map $http_upgrade $connection_upgrade {\n        default upgrade;\n        '' '';\n    }"));
        assertTrue(config.contains("proxy_set_header Upgrade $http_upgrade;"));
        assertTrue(config.contains("proxy_set_header Connection $connection_upgrade;"));
        assertTrue(config.contains("proxy_http_version 1.1;"));
        assertEquals(4, occurrences(config, "keepalive 64;"));
    }

    @Test
    void prefixPathsMatchWholeElementsExactPathsOnlyThemselvesAndExactWinsOverPrefix() {
        String config = render(List.of(
                        path("/a/", PathType.PREFIX, "svc-a"),
                        path("/b", PathType.EXACT, "svc-b"),
                        path("/c", PathType.PREFIX, "svc-a"),
                        path("/c", PathType.EXACT, "svc-b")),
                ports("svc-a=9001\nsvc-b=9002\n"));

        assertEquals(List.of("= /a -> svc-a", "/a/ -> svc-a", "= /b -> svc-b", "= /c -> svc-b", "/c/ -> svc-a"),
                proxyLocations(config));
    }

    @Test
    void aRootPrefixTakesEverythingElseInsteadOfTheJson404() {
        String withRoot = render(List.of(path("/", PathType.PREFIX, "svc-a")), ports("svc-a=9001\n"));
        String withoutRoot = render(List.of(path("/a", PathType.PREFIX, "svc-a")), ports("svc-a=9001\n"));

        assertEquals(List.of("/ -> svc-a"), proxyLocations(withRoot));
        assertFalse(withRoot.contains("return 404"));
        assertTrue(withoutRoot.contains("location / {\n            default_type application/json;\n"
                + "            return 404 '{\"detail\":\"Not found.\"}';"));
    }

    @Test
    void refusesOnePathRoutedToTwoServices() {
        InvalidRoutesException error = assertThrows(InvalidRoutesException.class, () -> render(List.of(
                path("/a", PathType.PREFIX, "svc-a"), path("/a/", PathType.PREFIX, "svc-b")), ports("svc-a=1\nsvc-b=2\n")));

        assertTrue(error.getMessage().contains("svc-a") && error.getMessage().contains("svc-b"), error.getMessage());
    }

    @Test
    void refusesAServiceWithoutALocalPort() {
        InvalidRoutesException error = assertThrows(InvalidRoutesException.class,
                () -> render(List.of(path("/a", PathType.PREFIX, "svc-a")), ports("svc-b=9002\n")));

        assertTrue(error.getMessage().contains("svc-a"), error.getMessage());
    }

    @Test
    void servesTheConsoleDirectoryUnlessTheIngressRoutesThatPath() {
        String config = render(List.of(path("/a", PathType.PREFIX, "svc-a")), ports("svc-a=9001\n"));
        String routed = render(List.of(path("/console", PathType.PREFIX, "svc-a")), ports("svc-a=9001\n"));

        assertTrue(config.contains("location /console/ {\n            alias /repo/console/;\n            index index.html;"));
        assertTrue(config.contains("location = /console {\n            return 301 /console/;"));
        assertEquals(List.of("= /console -> svc-a", "/console/ -> svc-a"), proxyLocations(routed));
        assertFalse(routed.contains("alias"));
    }

    @Test
    void sizesWorkersByTheOpenFilesLimitAndKeepsEveryFileInTheStateDirectory() {
        String config = render(List.of(path("/a", PathType.PREFIX, "svc-a")), ports("svc-a=9001\n"));

        assertTrue(config.contains("worker_rlimit_nofile 20000;"));
        assertTrue(config.contains("worker_connections 19900;"));
        assertTrue(config.contains("daemon off;"));
        assertTrue(config.contains("listen 127.0.0.1:8000 reuseport backlog=4096;"));
        Matcher paths = Pattern.compile("(?m)^\\s*(?:pid|access_log|\\w+_temp_path) (\\S+)").matcher(config);
        int count = 0;
        while (paths.find()) {
            assertTrue(paths.group(1).startsWith("/repo/.local/edge/"), paths.group());
            count++;
        }
        assertEquals(7, count);
    }

    @Test
    void answersAServiceThatIsDownWithAJson502NamingIt() {
        String config = render(List.of(path("/a", PathType.PREFIX, "svc-a")), ports("svc-a=9001\n"));

        assertEquals(2, occurrences(config, "error_page 502 @svc-a-unavailable;"));
        assertTrue(config.contains("location @svc-a-unavailable {\n            default_type application/json;\n"
                + "            return 502 '{\"detail\":\"svc-a is not answering on 127.0.0.1:9001.\"}';"));
    }

    private static String render(List<IngressPath> paths, ServicePorts ports) {
        return NginxConfig.render(paths, ports, SITE);
    }

    private static IngressPath path(String path, PathType type, String service) {
        return new IngressPath(path, type, service, ProxySettings.defaults());
    }

    private static ServicePorts ports(String properties) {
        try {
            Path file = Files.createTempFile("services", ".properties");
            Files.writeString(file, properties);
            return ServicePorts.load(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> proxyLocations(String config) {
        return LOCATION.matcher(config).results().map(match -> match.group(1) + " -> " + match.group(2)).toList();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
