package com.laundryconnect.realtime.localdev.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The edge's routes; a request goes to the backend of the longest matching prefix, as with an Ingress. */
public final class RouteTable {

    private final List<Route> routesLongestFirst;

    public RouteTable(List<Route> routes) {
        this.routesLongestFirst = routes.stream()
                .sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed())
                .toList();
    }

    /** Resolves the Ingress paths' Service names to local ports. */
    public static RouteTable of(List<IngressPath> ingressPaths, ServicePorts ports, String backendHost) {
        return new RouteTable(ingressPaths.stream()
                .map(ingressPath -> new Route(
                        PathPrefix.of(ingressPath.path()),
                        new Backend(ingressPath.serviceName(), backendHost, ports.portOf(ingressPath.serviceName()))))
                .toList());
    }

    /** This table plus one route that the Ingress does not have. */
    public RouteTable with(Route extraRoute) {
        List<Route> all = new ArrayList<>(routesLongestFirst);
        all.add(extraRoute);
        return new RouteTable(all);
    }

    public Optional<Backend> backendFor(String requestPath) {
        if (requestPath == null) {
            return Optional.empty();
        }
        return routesLongestFirst.stream()
                .filter(route -> route.prefix().matches(requestPath))
                .map(Route::backend)
                .findFirst();
    }

    public List<Route> routes() {
        return routesLongestFirst;
    }
}
