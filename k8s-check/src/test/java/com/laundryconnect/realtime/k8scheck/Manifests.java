package com.laundryconnect.realtime.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The objects of one rendering of k8s/. Each is kept as its YAML tree and as a typed object: the fabric8 model class
 * of its kind ({@link Schemas#TYPED}) or a {@link GenericKubernetesResource} for operator resources.
 */
final class Manifests {

    /** One rendered object; {@code typed} is null when it could not be deserialised (see {@code problems}). */
    record Manifest(String apiVersion, String kind, String name, JsonNode tree, HasMetadata typed) {

        String id() {
            return kind + " " + name;
        }
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Manifest> manifests;
    private final List<String> problems;

    private Manifests(List<Manifest> manifests, List<String> problems) {
        this.manifests = List.copyOf(manifests);
        this.problems = List.copyOf(problems);
    }

    /** Parses a multi-document YAML stream; objects that fail to deserialise are reported by {@link #problems()}. */
    static Manifests parse(String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode tree = documents.next();
                if (tree == null || tree.isNull() || tree.isMissingNode() || tree.isEmpty()) {
                    continue;
                }
                String apiVersion = tree.path("apiVersion").asText("");
                String kind = tree.path("kind").asText("");
                String name = tree.path("metadata").path("name").asText("");
                String schema = apiVersion + "/" + kind;
                HasMetadata typed = null;
                Class<? extends HasMetadata> type = Schemas.TYPED.get(schema);
                if (type == null && !Schemas.OPERATOR_RESOURCES.contains(schema)) {
                    problems.add(kind + " " + name + ": no schema is known for " + schema + " (add it to Schemas)");
                } else {
                    try {
                        Class<? extends HasMetadata> model = type != null ? type : GenericKubernetesResource.class;
                        typed = JSON.treeToValue(tree, model);
                    } catch (JsonProcessingException e) {
                        problems.add(kind + " " + name + " does not match the " + schema + " schema: "
                                + e.getOriginalMessage());
                    }
                }
                manifests.add(new Manifest(apiVersion, kind, name, tree, typed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered YAML is not readable", e);
        }
        return new Manifests(manifests, problems);
    }

    List<Manifest> all() {
        return manifests;
    }

    /** Objects of a kind that could not be deserialised, or of a kind without a known schema. */
    List<String> problems() {
        return problems;
    }

    /** Every object of a fabric8 model type. */
    <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().map(Manifest::typed).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> name.equals(object.getMetadata().getName())).findFirst();
    }

    /** Every operator resource of a kind (Kafka, KafkaTopic, Cluster, ...), as YAML trees. */
    List<JsonNode> custom(String kind) {
        return manifests.stream()
                .filter(manifest -> Schemas.OPERATOR_RESOURCES.contains(manifest.apiVersion() + "/" + manifest.kind()))
                .filter(manifest -> manifest.kind().equals(kind))
                .map(Manifest::tree)
                .toList();
    }

    Optional<JsonNode> custom(String kind, String name) {
        return custom(kind).stream().filter(tree -> name.equals(tree.path("metadata").path("name").asText())).findFirst();
    }
}
