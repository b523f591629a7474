package com.laundryconnect.realtime.k8scheck;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** How CloudNativePG reads its resources. */
final class Postgres {

    private Postgres() {
    }

    /** A role of spec.managed.roles that is present and may log in. */
    static Optional<JsonNode> managedRole(JsonNode cluster, String role) {
        for (JsonNode candidate : cluster.path("spec").path("managed").path("roles")) {
            if (role.equals(candidate.path("name").asText())
                    && !"absent".equals(candidate.path("ensure").asText("present"))
                    && candidate.path("login").asBoolean(false)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The Database resource that creates {@code database} in {@code cluster}. */
    static Optional<JsonNode> database(Manifests manifests, String cluster, String database) {
        return manifests.custom("Database").stream()
                .filter(candidate -> cluster.equals(candidate.path("spec").path("cluster").path("name").asText()))
                .filter(candidate -> database.equals(candidate.path("spec").path("name").asText()))
                .findFirst();
    }
}
