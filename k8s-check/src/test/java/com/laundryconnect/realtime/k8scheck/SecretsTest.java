package com.laundryconnect.realtime.k8scheck;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

/** Keys and passwords are only referenced: their values are created in the cluster, never committed. */
class SecretsTest {

    /** ConfigMap keys that would hold secret material (REALTIME_ACCESS_TOKEN_SECRET, ..._PASSWORD, signing keys). */
    private static final Pattern SECRET_KEY_NAME = Pattern.compile(".*(SECRET|PASSWORD|PRIVATE|SIGNING_KEYS).*");

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void noSecretValueIsInTheManifests(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (Secret secret : manifests.all(Secret.class)) {
            problems.add("Secret " + secret.getMetadata().getName() + " is defined in the manifests"
                    + (secret.getData().isEmpty() && secret.getStringData().isEmpty() ? "" : " with its values")
                    + "; create it in the cluster instead (k8s/README.md)");
        }
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            configMap.getData().keySet().stream()
                    .filter(key -> SECRET_KEY_NAME.matcher(key).matches())
                    .forEach(key -> problems.add("ConfigMap " + configMap.getMetadata().getName() + " holds " + key
                            + ", which belongs in a Secret"));
        }
        Map<String, List<String>> referenced = references(manifests);
        referenced.keySet().stream()
                .filter(name -> manifests.find(Secret.class, name).isPresent())
                .forEach(name -> problems.add("Secret " + name + ", referenced by " + referenced.get(name)
                        + ", is defined in the manifests"));
        Problems.assertNone(rendering, "committed secrets", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyReferencedSecretIsDocumentedForWhoeverCreatesIt(Rendering rendering) throws IOException {
        String readme = Files.readString(Rendering.k8sDirectory().resolve("README.md"));
        List<String> problems = new ArrayList<>();
        references(rendering.manifests()).forEach((name, users) -> {
            if (!readme.contains("`" + name + "`")) {
                problems.add("Secret " + name + " (used by " + users + ") is not described in k8s/README.md");
            }
        });
        Problems.assertNone(rendering, "undocumented secrets", problems);
    }

    /** Every Secret name the manifests refer to, with who refers to it. */
    static Map<String, List<String>> references(Manifests manifests) {
        Map<String, List<String>> references = new TreeMap<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String owner = "Deployment " + deployment.getMetadata().getName();
            for (Container container : Pods.containers(deployment)) {
                container.getEnv().stream()
                        .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                        .forEach(variable -> add(references, variable.getValueFrom().getSecretKeyRef().getName(), owner));
                container.getEnvFrom().stream()
                        .filter(source -> source.getSecretRef() != null)
                        .forEach(source -> add(references, source.getSecretRef().getName(), owner));
            }
            for (Volume volume : Pods.podSpec(deployment).getVolumes()) {
                if (volume.getSecret() != null) {
                    add(references, volume.getSecret().getSecretName(), owner);
                }
            }
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                add(references, tls.getSecretName(), "Ingress " + ingress.getMetadata().getName());
            }
        }
        for (JsonNode cluster : manifests.custom("Cluster")) {
            String owner = "Cluster " + cluster.path("metadata").path("name").asText();
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                if (role.has("passwordSecret")) {
                    add(references, role.path("passwordSecret").path("name").asText(), owner);
                }
            }
            JsonNode initdbSecret = cluster.path("spec").path("bootstrap").path("initdb").path("secret");
            if (!initdbSecret.isMissingNode()) {
                add(references, initdbSecret.path("name").asText(), owner);
            }
        }
        return references;
    }

    private static void add(Map<String, List<String>> references, String secret, String owner) {
        List<String> owners = references.computeIfAbsent(secret, name -> new ArrayList<>());
        if (!owners.contains(owner)) {
            owners.add(owner);
        }
    }
}
