package com.laundryconnect.realtime.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.laundryconnect.realtime.events.Topic;

/** Kafka topics against shared-events' {@link Topic}, the contract's topic list (section 8). */
class KafkaTopicsTest {

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyContractTopicAndItsDeadLetterTwinHasAKafkaTopic(Rendering rendering) {
        Set<String> expected = new TreeSet<>();
        for (Topic topic : Topic.values()) {
            expected.add(topic.topicName());
            expected.add(topic.deadLetterTopicName());
        }
        Set<String> declared = rendering.manifests().custom("KafkaTopic").stream()
                .map(Strimzi::topicName)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();
        expected.stream().filter(name -> !declared.contains(name))
                .forEach(name -> problems.add("no KafkaTopic for " + name));
        declared.stream().filter(name -> !expected.contains(name))
                .forEach(name -> problems.add("KafkaTopic " + name + " is not a topic of shared-events' Topic enum"));
        Problems.assertNone(rendering, "Kafka topics", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyTopicFitsItsClusterAndSurvivesTheLossOfABroker(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (JsonNode topic : manifests.custom("KafkaTopic")) {
            String name = Strimzi.topicName(topic);
            String cluster = Strimzi.cluster(topic);
            if (manifests.custom("Kafka", cluster).isEmpty()) {
                problems.add(name + ": label " + Strimzi.CLUSTER_LABEL + "=" + cluster + " names no Kafka cluster");
                continue;
            }
            int partitions = topic.path("spec").path("partitions").asInt(0);
            int replicas = topic.path("spec").path("replicas").asInt(0);
            int brokers = Strimzi.brokers(manifests, cluster);
            if (partitions < 1 || replicas < 1) {
                problems.add(name + ": partitions and replicas must be set");
            }
            if (replicas > brokers) {
                problems.add(name + ": " + replicas + " replicas on " + brokers + " brokers");
            }
            int minInSync = Integer.parseInt(Strimzi.topicConfig(manifests, topic, "min.insync.replicas").orElse("1"));
            if (replicas > 1 && minInSync >= replicas) {
                problems.add(name + ": min.insync.replicas " + minInSync + " of " + replicas
                        + " replicas stops every write when one broker is down");
            }
            if (replicas >= 3 && minInSync < 2) {
                problems.add(name + ": min.insync.replicas " + minInSync + " acknowledges writes held by one broker only");
            }
            if (!topic.path("spec").path("config").has("retention.ms")) {
                problems.add(name + ": no retention.ms chosen");
            }
        }
        Problems.assertNone(rendering, "topic sizing", problems);
    }
}
