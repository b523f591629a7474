package com.laundryconnect.realtime.k8scheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/** The environment a container starts with, resolved against the rendered ConfigMaps the way the kubelet does it. */
final class Environment {

    /** One variable: a value known from the manifests, or a reference to a Secret key, whose value is not. */
    record Variable(String value, SecretKeySelector secret) {

        boolean fromSecret() {
            return secret != null;
        }
    }

    private Environment() {
    }

    /**
     * Every variable of the container; later sources win, as in the kubelet ({@code env} over {@code envFrom}).
     * References that do not resolve are added to {@code problems}.
     */
    static Map<String, Variable> of(Manifests manifests, String owner, Container container, List<String> problems) {
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                Optional<ConfigMap> configMap = manifests.find(ConfigMap.class, name);
                if (configMap.isEmpty()) {
                    problems.add(owner + ": envFrom names ConfigMap " + name + ", which is not in the manifests");
                } else {
                    String prefix = source.getPrefix() != null ? source.getPrefix() : "";
                    configMap.get().getData().forEach((key, value) -> variables.put(prefix + key, new Variable(value, null)));
                }
            }
            if (source.getSecretRef() != null) {
                problems.add(owner + ": envFrom Secret " + source.getSecretRef().getName()
                        + " hides which keys the service reads; name each key with secretKeyRef");
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                variables.put(variable.getName(), new Variable(variable.getValue(), null));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                variables.put(variable.getName(), new Variable(null, variable.getValueFrom().getSecretKeyRef()));
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                var reference = variable.getValueFrom().getConfigMapKeyRef();
                String value = manifests.find(ConfigMap.class, reference.getName())
                        .map(configMap -> configMap.getData().get(reference.getKey()))
                        .orElse(null);
                if (value == null) {
                    problems.add(owner + ": " + variable.getName() + " reads key " + reference.getKey() + " of ConfigMap "
                            + reference.getName() + ", which is not in the manifests");
                }
                variables.put(variable.getName(), new Variable(value, null));
            } else {
                // fieldRef and resourceFieldRef: filled in by the kubelet.
                variables.put(variable.getName(), new Variable(null, null));
            }
        }
        return variables;
    }
}
