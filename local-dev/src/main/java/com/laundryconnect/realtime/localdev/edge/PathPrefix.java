package com.laundryconnect.realtime.localdev.edge;

import java.util.Arrays;
import java.util.List;

/**
 * An Ingress path of {@code pathType: Prefix}. Kubernetes matches it element by element on the '/'-separated
 * elements of the request path, so {@code /api/realtime} matches {@code /api/realtime}, {@code /api/realtime/} and
 * {@code /api/realtime/token/} but not {@code /api/realtimex}, and a trailing slash on either side does not matter.
 */
public final class PathPrefix {

    private final String path;
    private final List<String> elements;

    private PathPrefix(String path) {
        this.path = path;
        this.elements = elementsOf(path);
    }

    public static PathPrefix of(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("an Ingress path must start with '/': " + path);
        }
        return new PathPrefix(path);
    }

    public boolean matches(String requestPath) {
        List<String> requestElements = elementsOf(requestPath);
        return requestElements.size() >= elements.size()
                && requestElements.subList(0, elements.size()).equals(elements);
    }

    /** The number of path elements; when several prefixes match, the one with the most wins. */
    public int length() {
        return elements.size();
    }

    public String path() {
        return path;
    }

    private static List<String> elementsOf(String path) {
        return Arrays.stream(path.split("/")).filter(element -> !element.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return path;
    }
}
