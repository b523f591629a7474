package com.laundryconnect.realtime.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/** The path of a request from the Ingress to a container, and of Prometheus's scrape. */
class RoutingTest {

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void theIngressRoutesExactlyTheContractsPublicRoutes(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        Map<String, String> routes = new TreeMap<>();
        for (HTTPIngressPath path : paths(rendering.manifests())) {
            if (path.getPath().startsWith("/internal")) {
                problems.add(path.getPath() + " is routed publicly; /internal is cluster-internal (contract section 1)");
            }
            if (!"Prefix".equals(path.getPathType())) {
                problems.add(path.getPath() + " has pathType " + path.getPathType()
                        + "; Prefix matches it with and without the trailing slash, as the contract requires");
            }
            String previous = routes.put(path.getPath(), path.getBackend().getService().getName());
            if (previous != null) {
                problems.add(path.getPath() + " is routed twice");
            }
        }
        if (!routes.equals(new TreeMap<>(Suite.PUBLIC_ROUTES))) {
            problems.add("routes " + routes + " are not contract section 1's " + new TreeMap<>(Suite.PUBLIC_ROUTES));
        }
        Problems.assertNone(rendering, "the public route table", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyIngressPathReachesAPortThatAContainerServes(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (HTTPIngressPath path : paths(manifests)) {
            String serviceName = path.getBackend().getService().getName();
            ServiceBackendPort backendPort = path.getBackend().getService().getPort();
            Optional<Service> service = manifests.find(Service.class, serviceName);
            if (service.isEmpty()) {
                problems.add(path.getPath() + " -> Service " + serviceName + ", which is not in the manifests");
                continue;
            }
            Optional<ServicePort> port = service.get().getSpec().getPorts().stream()
                    .filter(candidate -> backendPort.getName() != null
                            ? backendPort.getName().equals(candidate.getName())
                            : backendPort.getNumber().equals(candidate.getPort()))
                    .findFirst();
            if (port.isEmpty()) {
                problems.add(path.getPath() + " -> Service " + serviceName + " port " + describe(backendPort)
                        + ", which the Service does not have");
                continue;
            }
            problems.addAll(servedBy(manifests, service.get(), port.get(), path.getPath()));
        }
        Problems.assertNone(rendering, "Ingress paths that reach no container", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyServiceIsScrapedOnItsQuarkusMetricsEndpoint(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (String name : Suite.SERVICES) {
            Optional<Service> service = manifests.find(Service.class, name);
            if (service.isEmpty()) {
                problems.add("no Service " + name);
                continue;
            }
            boolean scraped = manifests.all(ServiceMonitor.class).stream()
                    .filter(monitor -> Pods.matches(monitor.getSpec().getSelector(), service.get().getMetadata().getLabels()))
                    .flatMap(monitor -> monitor.getSpec().getEndpoints().stream())
                    .anyMatch(endpoint -> Suite.METRICS_PATH.equals(endpoint.getPath())
                            && service.get().getSpec().getPorts().stream().anyMatch(port ->
                                    port.getName().equals(endpoint.getPort()) && port.getPort() == Suite.HTTP_PORT));
            if (!scraped) {
                problems.add("no ServiceMonitor scrapes " + Suite.METRICS_PATH + " on Service " + name + " port "
                        + Suite.HTTP_PORT);
            }
        }
        Problems.assertNone(rendering, "services without metrics", problems);
    }

    /** The Service port must select pods whose container serves its targetPort, in every Deployment it selects. */
    static List<String> servedBy(Manifests manifests, Service service, ServicePort port, String from) {
        List<String> problems = new ArrayList<>();
        List<Deployment> deployments = Pods.selectedBy(manifests, service.getSpec().getSelector());
        if (deployments.isEmpty()) {
            problems.add(from + " -> Service " + name(service) + ": its selector " + service.getSpec().getSelector()
                    + " matches no Deployment's pod labels");
        }
        for (Deployment deployment : deployments) {
            boolean served = false;
            for (Container container : Pods.podSpec(deployment).getContainers()) {
                served |= Pods.port(container, port.getTargetPort()).isPresent();
            }
            if (!served) {
                problems.add(from + " -> Service " + name(service) + " targetPort " + Pods.describe(port.getTargetPort())
                        + ": no container of Deployment " + name(deployment) + " has that port");
            }
        }
        return problems;
    }

    static List<HTTPIngressPath> paths(Manifests manifests) {
        List<HTTPIngressPath> paths = new ArrayList<>();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                paths.addAll(rule.getHttp().getPaths());
            }
        }
        return paths;
    }

    private static String describe(ServiceBackendPort port) {
        return port.getName() != null ? port.getName() : String.valueOf(port.getNumber());
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
