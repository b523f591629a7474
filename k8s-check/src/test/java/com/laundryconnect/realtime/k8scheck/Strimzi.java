package com.laundryconnect.realtime.k8scheck;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** How Strimzi reads its resources: cluster membership by label, topic names, broker counts, configuration. */
final class Strimzi {

    static final String CLUSTER_LABEL = "strimzi.io/cluster";

    private Strimzi() {
    }

    static String cluster(JsonNode resource) {
        return resource.path("metadata").path("labels").path(CLUSTER_LABEL).asText("");
    }

    /** The Kafka topic a KafkaTopic manages: spec.topicName, else its metadata.name. */
    static String topicName(JsonNode topic) {
        String explicit = topic.path("spec").path("topicName").asText("");
        return explicit.isEmpty() ? topic.path("metadata").path("name").asText() : explicit;
    }

    /** Nodes with the broker role in the cluster's node pools. */
    static int brokers(Manifests manifests, String cluster) {
        return manifests.custom("KafkaNodePool").stream()
                .filter(pool -> cluster.equals(cluster(pool)))
                .filter(pool -> hasRole(pool, "broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt(0))
                .sum();
    }

    static boolean hasRole(JsonNode pool, String role) {
        for (JsonNode candidate : pool.path("spec").path("roles")) {
            if (role.equals(candidate.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A topic's setting, else the cluster's broker setting, else empty (Kafka's default). */
    static Optional<String> topicConfig(Manifests manifests, JsonNode topic, String key) {
        JsonNode own = topic.path("spec").path("config").path(key);
        if (!own.isMissingNode()) {
            return Optional.of(own.asText());
        }
        return manifests.custom("Kafka", cluster(topic))
                .map(kafka -> kafka.path("spec").path("kafka").path("config").path(key))
                .filter(value -> !value.isMissingNode())
                .map(JsonNode::asText);
    }
}
