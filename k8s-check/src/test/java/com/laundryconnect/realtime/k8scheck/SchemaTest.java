package com.laundryconnect.realtime.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Offline schema validation, as far as the fabric8 model goes: every rendered object deserialises into the model class
 * of its kind, has no field the model does not know, has the fields the API server requires, and refers only to
 * objects that are in the manifests.
 */
class SchemaTest {

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyObjectDeserialisesIntoItsModelWithoutUnknownFields(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>(manifests.problems());
        for (Manifests.Manifest manifest : manifests.all()) {
            if (manifest.typed() != null) {
                UnknownFields.in(manifest.typed())
                        .forEach(path -> problems.add(manifest.id() + ": unknown field " + path));
            }
        }
        Problems.assertNone(rendering, "objects that do not match their schema", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void requiredFieldsArePresent(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (Manifests.Manifest manifest : manifests.all()) {
            if (manifest.apiVersion().isBlank() || manifest.kind().isBlank() || manifest.name().isBlank()) {
                problems.add(manifest.id() + ": apiVersion, kind and metadata.name are required");
            }
            String namespace = manifest.tree().path("metadata").path("namespace").asText("");
            boolean clusterScoped = manifest.typed() instanceof Namespace;
            if (!clusterScoped && !Suite.NAMESPACE.equals(namespace)) {
                problems.add(manifest.id() + ": in namespace '" + namespace + "', not " + Suite.NAMESPACE);
            }
        }
        manifests.all(Deployment.class).forEach(deployment -> deploymentFields(deployment, problems));
        for (Service service : manifests.all(Service.class)) {
            if (service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty()) {
                problems.add("Service " + name(service) + ": no selector");
            }
            if (service.getSpec().getPorts().isEmpty()) {
                problems.add("Service " + name(service) + ": no ports");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                if (port.getPort() == null || port.getPort() <= 0 || port.getName() == null) {
                    problems.add("Service " + name(service) + ": every port needs a name and a number");
                }
            }
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    if (path.getPathType() == null || path.getBackend() == null || path.getBackend().getService() == null
                            || path.getBackend().getService().getName() == null
                            || path.getBackend().getService().getPort() == null) {
                        problems.add("Ingress " + name(ingress) + " path " + path.getPath()
                                + ": pathType and a backend service name and port are required");
                    }
                }
            }
        }
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            if (policy.getSpec().getPodSelector() == null) {
                problems.add("NetworkPolicy " + name(policy) + ": podSelector is required");
            }
        }
        for (PodDisruptionBudget budget : manifests.all(PodDisruptionBudget.class)) {
            if ((budget.getSpec().getMinAvailable() == null) == (budget.getSpec().getMaxUnavailable() == null)) {
                problems.add("PodDisruptionBudget " + name(budget) + ": exactly one of minAvailable and maxUnavailable");
            }
        }
        for (HorizontalPodAutoscaler autoscaler : manifests.all(HorizontalPodAutoscaler.class)) {
            var spec = autoscaler.getSpec();
            if (spec.getScaleTargetRef() == null || spec.getScaleTargetRef().getName() == null
                    || spec.getMaxReplicas() == null || spec.getMetrics().isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + name(autoscaler) + ": scaleTargetRef, maxReplicas and metrics are required");
            } else if (spec.getMinReplicas() == null || spec.getMinReplicas() < 1 || spec.getMinReplicas() > spec.getMaxReplicas()) {
                problems.add("HorizontalPodAutoscaler " + name(autoscaler) + ": needs 1 <= minReplicas <= maxReplicas");
            }
        }
        for (ServiceMonitor monitor : manifests.all(ServiceMonitor.class)) {
            if (monitor.getSpec().getSelector() == null || monitor.getSpec().getEndpoints().isEmpty()) {
                problems.add("ServiceMonitor " + name(monitor) + ": selector and endpoints are required");
            }
        }
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            if (configMap.getData() == null || configMap.getData().isEmpty()) {
                problems.add("ConfigMap " + name(configMap) + ": empty");
            }
        }
        Problems.assertNone(rendering, "missing required fields", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void referencesResolveWithinTheManifests(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        Set<String> serviceAccounts = names(manifests.all(ServiceAccount.class));
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String owner = "Deployment " + name(deployment);
            String account = Pods.podSpec(deployment).getServiceAccountName();
            if (account == null || !serviceAccounts.contains(account)) {
                problems.add(owner + ": ServiceAccount " + account + " is not in the manifests");
            }
            Set<String> volumes = Pods.podSpec(deployment).getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            for (Container container : Pods.containers(deployment)) {
                Environment.of(manifests, owner, container, problems);
                container.getVolumeMounts().stream()
                        .filter(mount -> !volumes.contains(mount.getName()))
                        .forEach(mount -> problems.add(owner + ": mounts an undeclared volume " + mount.getName()));
            }
        }
        for (HorizontalPodAutoscaler autoscaler : manifests.all(HorizontalPodAutoscaler.class)) {
            var target = autoscaler.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind()) || manifests.find(Deployment.class, target.getName()).isEmpty()) {
                problems.add("HorizontalPodAutoscaler " + name(autoscaler) + " scales " + target.getKind() + " "
                        + target.getName() + ", which is not in the manifests");
            }
        }
        for (PodDisruptionBudget budget : manifests.all(PodDisruptionBudget.class)) {
            boolean selectsSome = manifests.all(Deployment.class).stream()
                    .anyMatch(deployment -> Pods.matches(budget.getSpec().getSelector(), Pods.podLabels(deployment)));
            if (!selectsSome) {
                problems.add("PodDisruptionBudget " + name(budget) + " selects no Deployment's pods");
            }
        }
        for (ServiceMonitor monitor : manifests.all(ServiceMonitor.class)) {
            List<Service> services = manifests.all(Service.class).stream()
                    .filter(service -> Pods.matches(monitor.getSpec().getSelector(), labels(service)))
                    .toList();
            if (services.isEmpty()) {
                problems.add("ServiceMonitor " + name(monitor) + " selects no Service");
            }
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                for (Service service : services) {
                    boolean hasPort = service.getSpec().getPorts().stream().anyMatch(port -> port.getName().equals(endpoint.getPort()));
                    if (!hasPort) {
                        problems.add("ServiceMonitor " + name(monitor) + " scrapes port " + endpoint.getPort()
                                + ", which Service " + name(service) + " does not have");
                    }
                }
            }
        }
        Set<String> deploymentNames = names(manifests.all(Deployment.class));
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            // A misspelt workload name in a policy silently allows nothing: every name it lists must exist.
            namesInSelectors(policy).stream()
                    .filter(named -> !deploymentNames.contains(named))
                    .forEach(named -> problems.add("NetworkPolicy " + name(policy) + " selects " + Suite.NAME_LABEL + "="
                            + named + ", which no Deployment has"));
        }
        Problems.assertNone(rendering, "references to objects that are not in the manifests", problems);
    }

    private static void deploymentFields(Deployment deployment, List<String> problems) {
        String owner = "Deployment " + name(deployment);
        var selector = deployment.getSpec().getSelector();
        if (selector == null || !Pods.matches(selector, Pods.podLabels(deployment))) {
            problems.add(owner + ": spec.selector must be set and match the pod template's labels");
        }
        if (Pods.podSpec(deployment).getContainers().isEmpty()) {
            problems.add(owner + ": no containers");
        }
        for (Container container : Pods.containers(deployment)) {
            if (container.getName() == null || container.getImage() == null || container.getImage().isBlank()) {
                problems.add(owner + ": every container needs a name and an image");
            }
            for (ContainerPort port : container.getPorts()) {
                if (port.getContainerPort() == null || port.getContainerPort() <= 0) {
                    problems.add(owner + " container " + container.getName() + ": a port without containerPort");
                }
            }
            for (Probe probe : new Probe[] {container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe()}) {
                HTTPGetAction httpGet = probe != null ? probe.getHttpGet() : null;
                if (httpGet != null && (httpGet.getPort() == null || httpGet.getPath() == null)) {
                    problems.add(owner + " container " + container.getName() + ": an httpGet probe needs a path and a port");
                }
            }
        }
    }

    /** The values of app.kubernetes.io/name that a policy's pod selectors ask for (matchLabels and In expressions). */
    private static Set<String> namesInSelectors(NetworkPolicy policy) {
        List<LabelSelector> selectors = new ArrayList<>();
        selectors.add(policy.getSpec().getPodSelector());
        policy.getSpec().getIngress().forEach(rule -> rule.getFrom().stream()
                .filter(peer -> peer.getNamespaceSelector() == null)
                .forEach(peer -> selectors.add(peer.getPodSelector())));
        Set<String> names = new TreeSet<>();
        for (var selector : selectors) {
            if (selector == null) {
                continue;
            }
            if (selector.getMatchLabels() != null && selector.getMatchLabels().containsKey(Suite.NAME_LABEL)) {
                names.add(selector.getMatchLabels().get(Suite.NAME_LABEL));
            }
            selector.getMatchExpressions().stream()
                    .filter(expression -> expression.getKey().equals(Suite.NAME_LABEL) && expression.getOperator().equals("In"))
                    .forEach(expression -> names.addAll(expression.getValues()));
        }
        return names;
    }

    private static Map<String, String> labels(HasMetadata object) {
        return object.getMetadata().getLabels() != null ? object.getMetadata().getLabels() : Map.of();
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(SchemaTest::name).collect(Collectors.toSet());
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
