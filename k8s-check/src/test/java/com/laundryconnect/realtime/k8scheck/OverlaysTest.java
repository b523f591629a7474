package com.laundryconnect.realtime.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.Topic;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

/** What sets the two overlays apart: one of everything in dev; TLS, real scaling bounds and pinned images in prod. */
class OverlaysTest {

    private static final Pattern DIGEST_PINNED = Pattern.compile("[^@:]+(:[^@]+)?@sha256:[0-9a-f]{64}");

    @Test
    void devRunsOneReplicaOfEverything() {
        Manifests manifests = Rendering.DEV.manifests();
        List<String> problems = new ArrayList<>();
        for (HorizontalPodAutoscaler autoscaler : manifests.all(HorizontalPodAutoscaler.class)) {
            if (autoscaler.getSpec().getMinReplicas() != 1 || autoscaler.getSpec().getMaxReplicas() != 1) {
                problems.add("HorizontalPodAutoscaler " + autoscaler.getMetadata().getName() + " allows more than one replica");
            }
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Integer replicas = deployment.getSpec().getReplicas();
            if (replicas != null && replicas != 1) {
                problems.add("Deployment " + deployment.getMetadata().getName() + " has " + replicas + " replicas");
            }
        }
        manifests.custom("KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("replicas").asInt() != 1)
                .forEach(pool -> problems.add("KafkaNodePool " + name(pool) + " has more than one node"));
        manifests.custom("Cluster").stream()
                .filter(cluster -> cluster.path("spec").path("instances").asInt() != 1)
                .forEach(cluster -> problems.add("Cluster " + name(cluster) + " has more than one instance"));
        Problems.assertNone(Rendering.DEV, "more than one replica", problems);
    }

    @Test
    void prodPinsEveryImageByDigest() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : Rendering.PROD.manifests().all(Deployment.class)) {
            for (Container container : Pods.containers(deployment)) {
                if (!DIGEST_PINNED.matcher(container.getImage()).matches()) {
                    problems.add(deployment.getMetadata().getName() + "/" + container.getName() + ": image "
                            + container.getImage() + " is not pinned by a sha256 digest");
                }
            }
        }
        Problems.assertNone(Rendering.PROD, "images not pinned by digest", problems);
    }

    @Test
    void prodServesTheIngressOverTlsOnTheHostTheTokenResponseNames() {
        Manifests manifests = Rendering.PROD.manifests();
        List<String> problems = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            Set<String> covered = new TreeSet<>();
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                covered.addAll(tls.getHosts());
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost() == null || !covered.contains(rule.getHost())) {
                    problems.add("Ingress " + ingress.getMetadata().getName() + ": rule for host " + rule.getHost()
                            + " is not covered by TLS");
                } else {
                    hosts.add(rule.getHost());
                }
            }
        }
        var environment = Environment.of(manifests, "token-service",
                Pods.mainContainer(Pods.deployment(manifests, "token-service")), problems);
        String baseUrl = environment.get("REALTIME_WS_BASE_URL").value();
        if (hosts.stream().noneMatch(host -> baseUrl.equals("wss://" + host + "/ws"))) {
            problems.add("REALTIME_WS_BASE_URL " + baseUrl + " is not wss://<Ingress host>/ws for a host of " + hosts);
        }
        Problems.assertNone(Rendering.PROD, "TLS and the public host", problems);
    }

    @Test
    void prodScalesBetweenTwoReplicasAndThePartitionCountOfTheTopics() {
        Manifests manifests = Rendering.PROD.manifests();
        int partitions = manifests.custom("KafkaTopic").stream()
                .filter(topic -> isMainTopic(Strimzi.topicName(topic)))
                .mapToInt(topic -> topic.path("spec").path("partitions").asInt())
                .min()
                .orElse(0);
        List<String> problems = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            HorizontalPodAutoscaler autoscaler = manifests.find(HorizontalPodAutoscaler.class, service)
                    .orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler " + service));
            int min = autoscaler.getSpec().getMinReplicas();
            int max = autoscaler.getSpec().getMaxReplicas();
            if (min < 2) {
                problems.add(service + ": minReplicas " + min + "; one pod lost or drained would take the service down");
            }
            if (Suite.KAFKA_SERVICES.contains(service) && max > partitions) {
                problems.add(service + ": maxReplicas " + max + " exceeds the " + partitions
                        + " partitions of its topics, so some replicas would consume nothing");
            }
        }
        Problems.assertNone(Rendering.PROD, "scaling bounds", problems);
    }

    private static boolean isMainTopic(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.topicName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }
}
