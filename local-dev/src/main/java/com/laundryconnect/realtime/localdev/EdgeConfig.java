package com.laundryconnect.realtime.localdev;

import com.laundryconnect.realtime.localdev.edge.EdgeSite;
import com.laundryconnect.realtime.localdev.edge.IngressPath;
import com.laundryconnect.realtime.localdev.edge.IngressReader;
import com.laundryconnect.realtime.localdev.edge.InvalidRoutesException;
import com.laundryconnect.realtime.localdev.edge.NginxConfig;
import com.laundryconnect.realtime.localdev.edge.ServicePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the local edge's nginx configuration (the stand-in for the Kubernetes ingress-nginx) from
 * {@code k8s/base/ingress.yaml} and {@code dev/services.properties} into the state directory, and prints the route
 * table. {@code dev/up} then runs {@code nginx -p STATE_DIR -c STATE_DIR/nginx.conf} in the foreground. Paths are
 * relative to the working directory, the repository root.
 */
public final class EdgeConfig {

    static final String USAGE = """
            usage: EdgeConfig [--port 8000] [--host 127.0.0.1] [--ingress k8s/base/ingress.yaml]
                              [--services dev/services.properties] [--backend-host 127.0.0.1]
                              [--state-dir .local/edge] [--console console] [--open-files-limit 1024]""";

    private EdgeConfig() {
    }

    public static void main(String[] args) {
        Arguments arguments;
        EdgeSite site;
        try {
            arguments = Arguments.parse(args, Set.of("port", "host", "ingress", "services", "backend-host",
                    "state-dir", "console", "open-files-limit"));
            if (!arguments.positionals().isEmpty()) {
                throw new UsageException("unexpected argument '" + arguments.positionals().getFirst() + "'");
            }
            site = new EdgeSite(
                    arguments.option("host").orElse("127.0.0.1"),
                    arguments.positiveIntOption("port", 8000),
                    arguments.option("backend-host").orElse("127.0.0.1"),
                    Path.of(arguments.option("state-dir").orElse(".local/edge")).toAbsolutePath().normalize(),
                    Path.of(arguments.option("console").orElse("console")).toAbsolutePath().normalize(),
                    arguments.positiveIntOption("open-files-limit", 1024));
        } catch (UsageException e) {
            System.err.println("EdgeConfig: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try {
            List<IngressPath> paths = IngressReader.read(
                    Path.of(arguments.option("ingress").orElse("k8s/base/ingress.yaml")));
            ServicePorts ports = ServicePorts.load(
                    Path.of(arguments.option("services").orElse("dev/services.properties")));
            Path config = write(site, NginxConfig.render(paths, ports, site));
            printRoutes(site, paths, ports, config);
        } catch (InvalidRoutesException e) {
            System.err.println("EdgeConfig: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("EdgeConfig: cannot write into " + site.stateDirectory() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static Path write(EdgeSite site, String config) throws IOException {
        Files.createDirectories(site.stateDirectory().resolve("temp"));
        return Files.writeString(site.stateDirectory().resolve("nginx.conf"), config);
    }

    private static void printRoutes(EdgeSite site, List<IngressPath> paths, ServicePorts ports, Path config) {
        System.out.println("nginx edge on http://" + site.listenHost() + ":" + site.listenPort() + " (" + config + ")");
        Set<String> notApplied = new LinkedHashSet<>();
        for (IngressPath path : paths) {
            System.out.printf("  %-22s %-7s -> %s (%s:%d)%n", path.path(),
                    path.pathType().name().charAt(0) + path.pathType().name().substring(1).toLowerCase(),
                    path.serviceName(), site.backendHost(), ports.portOf(path.serviceName()));
            notApplied.addAll(path.settings().notAppliedLocally());
        }
        System.out.printf("  %-22s %-7s -> %s%s%n", "/console/", "static", site.consoleDirectory(),
                Files.isDirectory(site.consoleDirectory()) ? "" : " (absent: 404 until it exists)");
        if (!notApplied.isEmpty()) {
            System.out.println("  Ingress annotations with no local meaning, not applied: " + String.join(", ", notApplied));
        }
    }
}
