package com.laundryconnect.realtime.localdev;

import com.laundryconnect.realtime.localdev.edge.AccessLog;
import com.laundryconnect.realtime.localdev.edge.Backend;
import com.laundryconnect.realtime.localdev.edge.ConsoleFiles;
import com.laundryconnect.realtime.localdev.edge.EdgeServer;
import com.laundryconnect.realtime.localdev.edge.IngressReader;
import com.laundryconnect.realtime.localdev.edge.InvalidRoutesException;
import com.laundryconnect.realtime.localdev.edge.PathPrefix;
import com.laundryconnect.realtime.localdev.edge.Route;
import com.laundryconnect.realtime.localdev.edge.RouteTable;
import com.laundryconnect.realtime.localdev.edge.ServicePorts;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The local stand-in for the Kubernetes ingress: serves the whole suite on one origin (http://localhost:8000 by
 * default), routing by the Prefix paths of {@code k8s/base/ingress.yaml} to the ports of
 * {@code dev/services.properties}. Paths are relative to the working directory, the repository root.
 *
 * <p>Two local-only additions for the browser console: its static files at {@code /console/} and the publish API
 * ({@code /internal/events}, of notification-service) that its publish panel posts to. Neither is in the Ingress.
 */
public final class LocalEdge {

    static final String USAGE = """
            usage: LocalEdge [--port 8000] [--host 127.0.0.1] [--ingress k8s/base/ingress.yaml]
                             [--services dev/services.properties] [--backend-host 127.0.0.1] [--console console]""";

    private static final String PUBLISH_API_PATH = "/internal/events";
    private static final String PUBLISH_API_SERVICE = "notification-service";

    private LocalEdge() {
    }

    public static void main(String[] args) {
        Arguments arguments;
        int port;
        try {
            arguments = Arguments.parse(args, Set.of("port", "host", "ingress", "services", "backend-host", "console"));
            if (!arguments.positionals().isEmpty()) {
                throw new UsageException("unexpected argument '" + arguments.positionals().getFirst() + "'");
            }
            port = arguments.positiveIntOption("port", 8000);
        } catch (UsageException e) {
            System.err.println("LocalEdge: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String host = arguments.option("host").orElse("127.0.0.1");
        String backendHost = arguments.option("backend-host").orElse("127.0.0.1");
        RouteTable routes;
        try {
            ServicePorts ports =
                    ServicePorts.load(Path.of(arguments.option("services").orElse("dev/services.properties")));
            routes = RouteTable.of(
                    IngressReader.read(Path.of(arguments.option("ingress").orElse("k8s/base/ingress.yaml"))),
                    ports, backendHost)
                    .with(new Route(PathPrefix.of(PUBLISH_API_PATH), new Backend(
                            PUBLISH_API_SERVICE, backendHost, ports.portOf(PUBLISH_API_SERVICE))));
        } catch (InvalidRoutesException e) {
            System.err.println("LocalEdge: " + e.getMessage());
            System.exit(1);
            return;
        }
        Path consoleDirectory = Path.of(arguments.option("console").orElse("console"));
        Optional<ConsoleFiles> consoleFiles = Files.isDirectory(consoleDirectory)
                ? Optional.of(new ConsoleFiles(consoleDirectory)) : Optional.empty();
        EdgeServer.start(Vertx.vertx(), routes, host, port, new AccessLog(System.out::println), consoleFiles)
                .onSuccess(server -> printRoutes(routes, consoleFiles, host, server.actualPort()))
                .onFailure(failure -> {
                    System.err.println("LocalEdge: cannot listen on " + host + ":" + port + ": " + failure.getMessage());
                    System.exit(1);
                });
    }

    private static void printRoutes(RouteTable routes, Optional<ConsoleFiles> consoleFiles, String host, int port) {
        System.out.println("LocalEdge listening on http://" + host + ":" + port);
        for (Route route : routes.routes()) {
            System.out.printf("  %-22s -> %s (%s)%s%n",
                    route.prefix().path(), route.backend().serviceName(), route.backend().address(),
                    route.prefix().path().equals(PUBLISH_API_PATH) ? "  local only, for the console" : "");
        }
        consoleFiles.ifPresent(files ->
                System.out.printf("  %-22s -> files of %s  local only%n", "/console/", files.root()));
    }
}
