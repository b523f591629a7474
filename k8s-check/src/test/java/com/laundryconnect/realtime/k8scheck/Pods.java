package com.laundryconnect.realtime.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Label matching and port lookups, done the way the Kubernetes controllers do them. */
final class Pods {

    private Pods() {
    }

    static Deployment deployment(Manifests manifests, String name) {
        return manifests.find(Deployment.class, name).orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    static PodSpec podSpec(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels != null ? labels : Map.of();
    }

    /** The service's own container: the one named after the Deployment. */
    static Container mainContainer(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return podSpec(deployment).getContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + name + " has no container named " + name));
    }

    /** Init and regular containers. */
    static List<Container> containers(Deployment deployment) {
        List<Container> containers = new ArrayList<>(podSpec(deployment).getContainers());
        containers.addAll(podSpec(deployment).getInitContainers());
        return containers;
    }

    /** A Service selector: every pair must be among the labels. An empty selector selects nothing here. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static List<Deployment> selectedBy(Manifests manifests, Map<String, String> selector) {
        return manifests.all(Deployment.class).stream().filter(d -> selects(selector, podLabels(d))).toList();
    }

    /** A LabelSelector (matchLabels and matchExpressions); an empty one selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean matched = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown label selector operator " + requirement.getOperator());
            };
            if (!matched) {
                return false;
            }
        }
        return true;
    }

    /** The container port a Service targetPort or a probe port names: by port name or by number. */
    static Optional<ContainerPort> port(Container container, IntOrString reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return container.getPorts().stream()
                .filter(port -> reference.getStrVal() != null
                        ? reference.getStrVal().equals(port.getName())
                        : reference.getIntVal().equals(port.getContainerPort()))
                .findFirst();
    }

    /** A port reference as written in the manifest: its name or its number. */
    static String describe(IntOrString reference) {
        if (reference == null) {
            return "(none)";
        }
        return reference.getStrVal() != null ? reference.getStrVal() : String.valueOf(reference.getIntVal());
    }
}
