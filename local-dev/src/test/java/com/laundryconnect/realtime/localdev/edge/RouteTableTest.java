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

class RouteTableTest {

    private static final Backend API = new Backend("api", "127.0.0.1", 9001);
    private static final Backend ORDERS = new Backend("orders", "127.0.0.1", 9002);
    private static final Backend ORDER_EXPORTS = new Backend("order-exports", "127.0.0.1", 9003);

    private final RouteTable routes = new RouteTable(List.of(
            new Route(PathPrefix.of("/api"), API),
            new Route(PathPrefix.of("/api/orders/export"), ORDER_EXPORTS),
            new Route(PathPrefix.of("/api/orders"), ORDERS)));

    @Test
    void theLongestMatchingPrefixWinsWhateverTheOrderInTheIngress() {
        assertEquals(Optional.of(ORDER_EXPORTS), routes.backendFor("/api/orders/export/2026.csv"));
        assertEquals(Optional.of(ORDERS), routes.backendFor("/api/orders/42/"));
        assertEquals(Optional.of(ORDERS), routes.backendFor("/api/orders"));
        assertEquals(Optional.of(API), routes.backendFor("/api/ordersx"));
        assertEquals(Optional.of(API), routes.backendFor("/api/"));
    }

    @Test
    void aPathThatNoPrefixMatchesHasNoBackend() {
        assertEquals(Optional.empty(), routes.backendFor("/internal/events"));
        assertEquals(Optional.empty(), routes.backendFor("/apix"));
        assertEquals(Optional.empty(), routes.backendFor("/"));
        assertEquals(Optional.empty(), routes.backendFor(null));
    }

    @Test
    void serviceNamesResolveToTheirLocalPorts(@TempDir Path directory) throws IOException {
        Path ports = Files.writeString(directory.resolve("services.properties"), "token-service=8081\n");

        RouteTable table = RouteTable.of(
                List.of(new IngressPath("/api/realtime", "token-service")), ServicePorts.load(ports), "127.0.0.1");

        assertEquals(Optional.of(new Backend("token-service", "127.0.0.1", 8081)),
                table.backendFor("/api/realtime/token/"));
    }

    @Test
    void aServiceWithoutALocalPortIsReportedByName(@TempDir Path directory) throws IOException {
        Path ports = Files.writeString(directory.resolve("services.properties"), "token-service=8081\n");
        List<IngressPath> paths = List.of(new IngressPath("/ws/partner", "partner-service"));

        InvalidRoutesException error = assertThrows(InvalidRoutesException.class,
                () -> RouteTable.of(paths, ServicePorts.load(ports), "127.0.0.1"));

        assertTrue(error.getMessage().contains("partner-service"), error.getMessage());
    }
}
