package com.laundryconnect.realtime.localdev;

import com.laundryconnect.realtime.localdev.edge.AccessLog;
import com.laundryconnect.realtime.localdev.edge.EdgeServer;
import com.laundryconnect.realtime.localdev.edge.IngressReader;
import com.laundryconnect.realtime.localdev.edge.InvalidRoutesException;
import com.laundryconnect.realtime.localdev.edge.Route;
import com.laundryconnect.realtime.localdev.edge.RouteTable;
import com.laundryconnect.realtime.localdev.edge.ServicePorts;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.Set;

/**
 * The local stand-in for the Kubernetes ingress: serves the whole suite on one origin (http://localhost:8000 by
 * default), routing by the Prefix paths of {@code k8s/base/ingress.yaml} to the ports of
 * {@code dev/services.properties}. Paths are relative to the working directory, the repository root.
 */
public final class LocalEdge {

    static final String USAGE = """
            usage: LocalEdge [--port 8000] [--host 127.0.0.1] [--ingress k8s/base/ingress.yaml]
                             [--services dev/services.properties] [--backend-host 127.0.0.1]""";

    private LocalEdge() {
    }

    public static void main(String[] args) {
        Arguments arguments;
        int port;
        try {
            arguments = Arguments.parse(args, Set.of("port", "host", "ingress", "services", "backend-host"));
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
        RouteTable routes;
        try {
            routes = RouteTable.of(
                    IngressReader.read(Path.of(arguments.option("ingress").orElse("k8s/base/ingress.yaml"))),
                    ServicePorts.load(Path.of(arguments.option("services").orElse("dev/services.properties"))),
                    arguments.option("backend-host").orElse("127.0.0.1"));
        } catch (InvalidRoutesException e) {
            System.err.println("LocalEdge: " + e.getMessage());
            System.exit(1);
            return;
        }
        EdgeServer.start(Vertx.vertx(), routes, host, port, new AccessLog(System.out::println))
                .onSuccess(server -> printRoutes(routes, host, server.actualPort()))
                .onFailure(failure -> {
                    System.err.println("LocalEdge: cannot listen on " + host + ":" + port + ": " + failure.getMessage());
                    System.exit(1);
                });
    }

    private static void printRoutes(RouteTable routes, String host, int port) {
        System.out.println("LocalEdge listening on http://" + host + ":" + port);
        for (Route route : routes.routes()) {
            System.out.printf("  %-22s -> %s (%s)%n",
                    route.prefix().path(), route.backend().serviceName(), route.backend().address());
        }
    }
}
