package com.laundryconnect.realtime.k8scheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** How each pod runs: probes, resources, privileges and shutdown. */
class WorkloadTest {

    /**
     * What the grace period must leave after the preStop sleep for Quarkus's shutdown (closing every WebSocket with
     * 1001, finishing and committing the Kafka batch in hand, leaving the consumer group, closing the pools) before the
     * kubelet kills the process: twice the 5 s that ShutdownIT holds a WebSocket service to (BENCHMARKS.md measures
     * it).
     */
    private static final long SHUTDOWN_SECONDS = 10;

    /** How long ingress-nginx may take to drop a terminating pod's endpoint; the preStop sleep must outlast it. */
    private static final long INGRESS_ENDPOINT_UPDATE_SECONDS = 5;

    /** A replica that can no longer consume or push gets no new sessions after this long. */
    private static final long NOT_READY_WITHIN_SECONDS = 10;

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void servicesProbeTheQuarkusHealthEndpointsOnTheServedPort(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (String name : Suite.SERVICES) {
            Container container = Pods.mainContainer(Pods.deployment(manifests, name));
            Optional<ContainerPort> served = container.getPorts().stream()
                    .filter(port -> port.getContainerPort() == Suite.HTTP_PORT)
                    .findFirst();
            if (served.isEmpty()) {
                problems.add(name + ": the container does not declare port " + Suite.HTTP_PORT);
                continue;
            }
            Service service = manifests.find(Service.class, name).orElse(null);
            boolean targeted = service != null && service.getSpec().getPorts().stream()
                    .map(ServicePort::getTargetPort)
                    .anyMatch(target -> Pods.port(container, target).equals(served));
            if (!targeted) {
                problems.add(name + ": no port of Service " + name + " targets container port " + Suite.HTTP_PORT);
            }
            probe(name, "startupProbe", container.getStartupProbe(), Suite.STARTED_PATH, container, served.get(), problems);
            probe(name, "livenessProbe", container.getLivenessProbe(), Suite.LIVE_PATH, container, served.get(), problems);
            probe(name, "readinessProbe", container.getReadinessProbe(), Suite.READY_PATH, container, served.get(), problems);
            Probe readiness = container.getReadinessProbe();
            if (readiness != null && notReadyAfterSeconds(readiness) > NOT_READY_WITHIN_SECONDS) {
                problems.add(name + ": a pod whose readiness fails keeps getting connections for "
                        + notReadyAfterSeconds(readiness) + " s (periodSeconds x failureThreshold), more than "
                        + NOT_READY_WITHIN_SECONDS);
            }
        }
        Problems.assertNone(rendering, "health probes", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyContainerHasCpuAndMemoryRequestsAndLimits(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.manifests().all(Deployment.class)) {
            for (Container container : Pods.containers(deployment)) {
                String owner = deployment.getMetadata().getName() + "/" + container.getName();
                if (container.getResources() == null) {
                    problems.add(owner + ": no resources");
                    continue;
                }
                Map<String, Quantity> requests = orEmpty(container.getResources().getRequests());
                Map<String, Quantity> limits = orEmpty(container.getResources().getLimits());
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests.get(resource);
                    Quantity limit = limits.get(resource);
                    if (request == null || limit == null) {
                        problems.add(owner + ": " + resource + " needs a request and a limit");
                    } else if (amount(request).compareTo(amount(limit)) > 0) {
                        problems.add(owner + ": " + resource + " request " + request + " exceeds its limit " + limit);
                    }
                }
            }
        }
        Problems.assertNone(rendering, "containers without resource requests and limits", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyContainerRunsAsNonRootOnAReadOnlyFilesystemWithoutPrivilegeEscalation(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : rendering.manifests().all(Deployment.class)) {
            PodSecurityContext pod = Optional.ofNullable(Pods.podSpec(deployment).getSecurityContext())
                    .orElseGet(PodSecurityContext::new);
            for (Container container : Pods.containers(deployment)) {
                String owner = deployment.getMetadata().getName() + "/" + container.getName();
                SecurityContext own = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
                // The container's setting wins over the pod's, as in the kubelet.
                Boolean runAsNonRoot = own.getRunAsNonRoot() != null ? own.getRunAsNonRoot() : pod.getRunAsNonRoot();
                Long runAsUser = own.getRunAsUser() != null ? own.getRunAsUser() : pod.getRunAsUser();
                if (!Boolean.TRUE.equals(runAsNonRoot)) {
                    problems.add(owner + ": runAsNonRoot is not true");
                }
                if (runAsUser != null && runAsUser == 0) {
                    problems.add(owner + ": runAsUser is 0 (root)");
                }
                if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
                    problems.add(owner + ": readOnlyRootFilesystem is not true");
                }
                if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
                    problems.add(owner + ": allowPrivilegeEscalation is not false");
                }
                if (own.getCapabilities() == null || !own.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(owner + ": capabilities are not all dropped");
                }
            }
        }
        Problems.assertNone(rendering, "container privileges", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void servicesHaveAWritableTmpAndTimeToCloseTheirWebSocketsOnShutdown(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (String name : Suite.SERVICES) {
            Deployment deployment = Pods.deployment(manifests, name);
            PodSpec pod = Pods.podSpec(deployment);
            Container container = Pods.mainContainer(deployment);
            boolean tmpIsEmptyDir = container.getVolumeMounts().stream()
                    .filter(mount -> mount.getMountPath().equals("/tmp"))
                    .anyMatch(mount -> pod.getVolumes().stream()
                            .filter(volume -> volume.getName().equals(mount.getName()))
                            .map(Volume::getEmptyDir)
                            .anyMatch(emptyDir -> emptyDir != null));
            if (!tmpIsEmptyDir) {
                problems.add(name + ": /tmp is not an emptyDir, and the root filesystem is read-only");
            }
            var preStop = container.getLifecycle() != null ? container.getLifecycle().getPreStop() : null;
            if (preStop == null || preStop.getSleep() == null || preStop.getSleep().getSeconds() == null) {
                problems.add(name + ": no preStop sleep, so ingress-nginx may still send connections after SIGTERM");
                continue;
            }
            if (preStop.getSleep().getSeconds() < INGRESS_ENDPOINT_UPDATE_SECONDS) {
                problems.add(name + ": the preStop sleep of " + preStop.getSleep().getSeconds() + " s is shorter than the "
                        + INGRESS_ENDPOINT_UPDATE_SECONDS + " s ingress-nginx may take to stop sending connections");
            }
            long grace = pod.getTerminationGracePeriodSeconds() != null ? pod.getTerminationGracePeriodSeconds() : 30;
            long left = grace - preStop.getSleep().getSeconds();
            if (left < SHUTDOWN_SECONDS) {
                problems.add(name + ": terminationGracePeriodSeconds " + grace + " leaves " + left
                        + " s after the preStop sleep; closing the WebSockets with 1001 needs " + SHUTDOWN_SECONDS + " s");
            }
        }
        Problems.assertNone(rendering, "shutdown and writable paths", problems);
    }

    private static void probe(String service, String kind, Probe probe, String path, Container container,
            ContainerPort served, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(service + ": no " + kind + " with httpGet " + path);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(service + ": " + kind + " probes " + probe.getHttpGet().getPath() + " instead of " + path);
        }
        if (!Pods.port(container, probe.getHttpGet().getPort()).equals(Optional.of(served))) {
            problems.add(service + ": " + kind + " probes port " + Pods.describe(probe.getHttpGet().getPort())
                    + " instead of the served port " + Suite.HTTP_PORT);
        }
    }

    /** The kubelet's defaults are a 10 s period and 3 failures. */
    private static long notReadyAfterSeconds(Probe probe) {
        long period = probe.getPeriodSeconds() != null ? probe.getPeriodSeconds() : 10;
        long failures = probe.getFailureThreshold() != null ? probe.getFailureThreshold() : 3;
        return period * failures;
    }

    private static Map<String, Quantity> orEmpty(Map<String, Quantity> quantities) {
        return quantities != null ? quantities : Map.of();
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity.getNumericalAmount();
    }
}
