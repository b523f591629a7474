package com.laundryconnect.realtime.k8scheck;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Each service's environment against its README and against the backing services deployed beside it. */
class ConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void everyServiceGetsTheEnvironmentItsReadmeMarksRequired(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        Suite.REQUIRED_ENVIRONMENT.forEach((service, required) -> {
            Map<String, Environment.Variable> environment = environment(manifests, service, problems);
            for (String name : required) {
                Environment.Variable variable = environment.get(name);
                if (variable == null || (!variable.fromSecret() && (variable.value() == null || variable.value().isBlank()))) {
                    problems.add(service + ": " + name + " is not set");
                }
            }
        });
        Problems.assertNone(rendering, "missing configuration", problems);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void connectionSettingsPointAtTheBackingServicesInTheManifests(Rendering rendering) {
        Manifests manifests = rendering.manifests();
        List<String> problems = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            Map<String, Environment.Variable> environment = environment(manifests, service, problems);
            redis(manifests, service, environment, problems);
            if (Suite.KAFKA_SERVICES.contains(service)) {
                kafka(manifests, service, environment, problems);
                database(manifests, service, environment, problems);
                jwks(manifests, service, environment, problems);
            }
            String baseUrl = value(environment, "REALTIME_WS_BASE_URL");
            if (baseUrl != null && !baseUrl.matches("wss?://[^/]+/ws")) {
                problems.add(service + ": REALTIME_WS_BASE_URL " + baseUrl + " is not ws(s)://<host>/ws (contract section 3)");
            }
        }
        Problems.assertNone(rendering, "connection settings", problems);
    }

    private static void redis(Manifests manifests, String service, Map<String, Environment.Variable> environment,
            List<String> problems) {
        String hosts = value(environment, "QUARKUS_REDIS_HOSTS");
        if (hosts == null) {
            return;
        }
        URI uri = URI.create(hosts);
        List<Deployment> servers = servedAt(manifests, service + " QUARKUS_REDIS_HOSTS", uri.getHost(), uri.getPort(), problems);
        Environment.Variable password = environment.get("QUARKUS_REDIS_PASSWORD");
        for (Deployment server : servers) {
            boolean sameSecret = password != null && password.fromSecret() && Pods.containers(server).stream()
                    .flatMap(container -> container.getEnv().stream())
                    .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                    .anyMatch(variable -> sameKey(variable.getValueFrom().getSecretKeyRef(), password.secret()));
            if (!sameSecret) {
                problems.add(service + ": QUARKUS_REDIS_PASSWORD is not the Secret key that " + server.getMetadata().getName()
                        + " requires as its password");
            }
        }
    }

    private static void kafka(Manifests manifests, String service, Map<String, Environment.Variable> environment,
            List<String> problems) {
        String servers = value(environment, "KAFKA_BOOTSTRAP_SERVERS");
        if (servers == null) {
            return;
        }
        Map<String, String> podLabels = Pods.podLabels(Pods.deployment(manifests, service));
        for (String server : servers.split(",")) {
            String[] hostAndPort = server.trim().split(":");
            String host = hostAndPort[0].split("\\.")[0];
            int port = hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : -1;
            String cluster = host.endsWith("-kafka-bootstrap") ? host.substring(0, host.length() - "-kafka-bootstrap".length()) : "";
            Optional<JsonNode> kafka = manifests.custom("Kafka", cluster);
            if (kafka.isEmpty()) {
                problems.add(service + ": KAFKA_BOOTSTRAP_SERVERS " + server + " is not the bootstrap Service of a Kafka"
                        + " cluster in the manifests (<cluster>-kafka-bootstrap)");
                continue;
            }
            Optional<JsonNode> listener = stream(kafka.get().path("spec").path("kafka").path("listeners"))
                    .filter(candidate -> candidate.path("port").asInt() == port)
                    .findFirst();
            if (listener.isEmpty()) {
                problems.add(service + ": Kafka " + cluster + " has no listener on port " + port);
            } else if (listener.get().path("tls").asBoolean()) {
                problems.add(service + ": the listener on port " + port + " wants TLS, which the services do not configure");
            } else if (listener.get().has("networkPolicyPeers") && stream(listener.get().path("networkPolicyPeers"))
                    .filter(peer -> !peer.has("namespaceSelector"))
                    .noneMatch(peer -> Pods.matches(labelSelector(peer.path("podSelector")), podLabels))) {
                problems.add(service + ": the networkPolicyPeers of Kafka listener " + listener.get().path("name").asText()
                        + " do not admit its pods");
            }
        }
    }

    private static void database(Manifests manifests, String service, Map<String, Environment.Variable> environment,
            List<String> problems) {
        String url = value(environment, "QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            return;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            problems.add(service + ": QUARKUS_DATASOURCE_JDBC_URL " + url + " is not a PostgreSQL JDBC URL");
            return;
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String host = uri.getHost().split("\\.")[0];
        String cluster = host.endsWith("-rw") ? host.substring(0, host.length() - "-rw".length()) : "";
        String databaseName = uri.getPath().substring(1);
        Optional<JsonNode> postgres = manifests.custom("Cluster", cluster);
        if (postgres.isEmpty()) {
            problems.add(service + ": " + uri.getHost() + " is not the -rw (primary) Service of a CloudNativePG Cluster");
            return;
        }
        Optional<JsonNode> database = Postgres.database(manifests, cluster, databaseName);
        if (database.isEmpty()) {
            problems.add(service + ": no Database resource creates " + databaseName + " in " + cluster);
            return;
        }
        String owner = database.get().path("spec").path("owner").asText();
        String roleSecret = Postgres.managedRole(postgres.get(), owner)
                .map(role -> role.path("passwordSecret").path("name").asText())
                .orElse("");
        Environment.Variable user = environment.get("QUARKUS_DATASOURCE_USERNAME");
        Environment.Variable password = environment.get("QUARKUS_DATASOURCE_PASSWORD");
        boolean ownersCredentials = user != null && user.fromSecret() && password != null && password.fromSecret()
                && user.secret().getName().equals(roleSecret) && "username".equals(user.secret().getKey())
                && password.secret().getName().equals(roleSecret) && "password".equals(password.secret().getKey());
        if (!ownersCredentials) {
            problems.add(service + ": does not log in as " + owner + ", the owner of " + databaseName
                    + " (username and password of Secret " + roleSecret + ")");
        }
    }

    private static void jwks(Manifests manifests, String service, Map<String, Environment.Variable> environment,
            List<String> problems) {
        String location = value(environment, "REALTIME_WS_TOKEN_JWKS_LOCATION");
        if (location == null) {
            return;
        }
        URI uri = URI.create(location);
        List<Deployment> servers = servedAt(manifests, service + " REALTIME_WS_TOKEN_JWKS_LOCATION", uri.getHost(),
                uri.getPort(), problems);
        boolean byTokenService = servers.stream().anyMatch(server -> server.getMetadata().getName().equals("token-service"));
        if (!byTokenService || !Suite.JWKS_PATH.equals(uri.getPath())) {
            problems.add(service + ": REALTIME_WS_TOKEN_JWKS_LOCATION " + location + " is not token-service's "
                    + Suite.JWKS_PATH);
        }
    }

    /** The Deployments behind an in-cluster host and port; a problem when no Service and container serve them. */
    private static List<Deployment> servedAt(Manifests manifests, String what, String host, int port, List<String> problems) {
        String serviceName = host.split("\\.")[0];
        Optional<Service> service = manifests.find(Service.class, serviceName);
        Optional<ServicePort> servicePort = service.flatMap(found -> found.getSpec().getPorts().stream()
                .filter(candidate -> candidate.getPort() == port)
                .findFirst());
        if (servicePort.isEmpty()) {
            problems.add(what + ": no Service " + serviceName + " with port " + port);
            return List.of();
        }
        List<String> unserved = RoutingTest.servedBy(manifests, service.get(), servicePort.get(), what);
        problems.addAll(unserved);
        return unserved.isEmpty() ? Pods.selectedBy(manifests, service.get().getSpec().getSelector()) : List.of();
    }

    private static Map<String, Environment.Variable> environment(Manifests manifests, String service, List<String> problems) {
        Container container = Pods.mainContainer(Pods.deployment(manifests, service));
        return Environment.of(manifests, "Deployment " + service, container, problems);
    }

    private static String value(Map<String, Environment.Variable> environment, String name) {
        Environment.Variable variable = environment.get(name);
        return variable != null ? variable.value() : null;
    }

    private static boolean sameKey(SecretKeySelector a, SecretKeySelector b) {
        return a.getName().equals(b.getName()) && a.getKey().equals(b.getKey());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements.stream();
    }

    private static LabelSelector labelSelector(JsonNode tree) {
        return JSON.convertValue(tree, LabelSelector.class);
    }
}
