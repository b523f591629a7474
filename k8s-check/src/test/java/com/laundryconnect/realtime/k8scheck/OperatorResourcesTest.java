package com.laundryconnect.realtime.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Strimzi and CloudNativePG resources, which have no model class here: the fields the suite relies on, and the
 * references between them.
 */
class OperatorResourcesTest {

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void kafkaRunsInKraftModeWithATopicOperator(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        List<JsonNode> clusters = manifests.custom("Kafka");
        if (clusters.isEmpty()) {
            problems.add("no Kafka cluster");
        }
        for (JsonNode kafka : clusters) {
            String name = kafka.path("metadata").path("name").asText();
            JsonNode listeners = kafka.path("spec").path("kafka").path("listeners");
            if (!listeners.isArray() || listeners.isEmpty()) {
                problems.add("Kafka " + name + ": no listeners");
            }
            for (JsonNode listener : listeners) {
                for (String field : List.of("name", "port", "type", "tls")) {
                    if (!listener.has(field)) {
                        problems.add("Kafka " + name + ": a listener without " + field);
                    }
                }
            }
            if (!kafka.path("spec").path("entityOperator").has("topicOperator")) {
                problems.add("Kafka " + name + ": no Topic Operator, so its KafkaTopics are never created");
            }
            boolean controllers = manifests.custom("KafkaNodePool").stream()
                    .anyMatch(pool -> name.equals(Strimzi.cluster(pool)) && Strimzi.hasRole(pool, "controller"));
            if (!controllers || Strimzi.brokers(manifests, name) < 1) {
                problems.add("Kafka " + name + ": KRaft needs node pools with the controller and the broker role");
            }
        }
        for (JsonNode pool : manifests.custom("KafkaNodePool")) {
            String name = pool.path("metadata").path("name").asText();
            if (manifests.custom("Kafka", Strimzi.cluster(pool)).isEmpty()) {
                problems.add("KafkaNodePool " + name + ": label " + Strimzi.CLUSTER_LABEL + " names no Kafka cluster");
            }
            if (pool.path("spec").path("replicas").asInt(0) < 1 || !pool.path("spec").path("storage").has("type")) {
                problems.add("KafkaNodePool " + name + ": replicas and storage are required");
            }
            for (JsonNode role : pool.path("spec").path("roles")) {
                if (!Set.of("controller", "broker").contains(role.asText())) {
                    problems.add("KafkaNodePool " + name + ": unknown role " + role.asText());
                }
            }
        }
        Problems.assertNone(rendering, "Strimzi resources", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyDatabaseBelongsToTheClusterAndIsOwnedByAManagedRole(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (JsonNode cluster : manifests.custom("Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            if (cluster.path("spec").path("instances").asInt(0) < 1 || cluster.path("spec").path("storage").path("size").isMissingNode()) {
                problems.add("Cluster " + name + ": instances and storage.size are required");
            }
        }
        for (JsonNode database : manifests.custom("Database")) {
            String name = database.path("metadata").path("name").asText();
            String clusterName = database.path("spec").path("cluster").path("name").asText("");
            String owner = database.path("spec").path("owner").asText("");
            if (database.path("spec").path("name").asText("").isEmpty() || owner.isEmpty()) {
                problems.add("Database " + name + ": spec.name and spec.owner are required");
            }
            var cluster = manifests.custom("Cluster", clusterName);
            if (cluster.isEmpty()) {
                problems.add("Database " + name + ": cluster " + clusterName + " is not in the manifests");
            } else if (Postgres.managedRole(cluster.get(), owner).isEmpty()) {
                problems.add("Database " + name + ": owner " + owner + " is not a managed role of " + clusterName);
            }
        }
        Problems.assertNone(rendering, "CloudNativePG resources", problems);
    }
}
