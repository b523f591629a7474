package com.laundryconnect.realtime.localdev.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the route table from a Kubernetes Ingress manifest ({@code spec.rules[].http.paths[]} and the
 * {@code nginx.ingress.kubernetes.io/*} annotations), so that the local edge and the cluster route exactly the same
 * paths with the same limits. Rule hosts are ignored: locally everything is one origin.
 */
public final class IngressReader {

    private static final YAMLMapper YAML = new YAMLMapper();
    // What nginx can take as a location literally: no spaces, quotes, braces, semicolons or regex syntax.
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~%:@!$&'()*+,=/-]*");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private IngressReader() {
    }

    public static List<IngressPath> read(Path manifest) {
        try (Reader reader = Files.newBufferedReader(manifest)) {
            return read(reader, manifest.toString());
        } catch (IOException e) {
            throw new InvalidRoutesException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    private static List<IngressPath> read(Reader manifest, String source) {
        List<IngressPath> paths = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifest)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if ("Ingress".equals(document.path("kind").asText())) {
                    addPaths(document, source, paths);
                }
            }
        } catch (IOException e) {
            throw new InvalidRoutesException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new InvalidRoutesException(source + " has no Ingress with spec.rules[].http.paths[]");
        }
        return List.copyOf(paths);
    }

    private static void addPaths(JsonNode ingress, String source, List<IngressPath> paths) {
        ProxySettings settings = ProxySettings.fromAnnotations(annotations(ingress), source);
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                paths.add(toIngressPath(path, settings, source));
            }
        }
    }

    private static Map<String, String> annotations(JsonNode ingress) {
        Map<String, String> annotations = new LinkedHashMap<>();
        ingress.path("metadata").path("annotations").properties()
                .forEach(annotation -> annotations.put(annotation.getKey(), annotation.getValue().asText()));
        return annotations;
    }

    private static IngressPath toIngressPath(JsonNode path, ProxySettings settings, String source) {
        String value = path.path("path").asText("");
        String pathType = path.path("pathType").asText("");
        String serviceName = path.path("backend").path("service").path("name").asText("");
        PathType type = switch (pathType) {
            case "Prefix" -> PathType.PREFIX;
            case "Exact" -> PathType.EXACT;
            default -> throw new InvalidRoutesException(source + ": path '" + value + "' has pathType '" + pathType
                    + "'; the local edge implements Prefix and Exact only");
        };
        if (!SAFE_PATH.matcher(value).matches() || !SERVICE_NAME.matcher(serviceName).matches()) {
            throw new InvalidRoutesException(source + ": every path needs a plain path starting with '/' and "
                    + "backend.service.name, got path '" + value + "' and service '" + serviceName + "'");
        }
        return new IngressPath(value, type, serviceName, settings);
    }
}
