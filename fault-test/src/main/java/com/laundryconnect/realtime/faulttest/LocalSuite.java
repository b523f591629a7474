package com.laundryconnect.realtime.faulttest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.laundryconnect.realtime.localdev.edge.EdgeSite;
import com.laundryconnect.realtime.localdev.edge.IngressReader;
import com.laundryconnect.realtime.localdev.edge.NginxBinary;
import com.laundryconnect.realtime.localdev.edge.NginxConfig;
import com.laundryconnect.realtime.localdev.edge.ServicePorts;
import com.laundryconnect.realtime.localdev.kafka.TopicCreator;
import com.laundryconnect.realtime.localdev.kafka.TopicPlan;

/**
 * The suite as {@code dev/up} runs it, but each piece a separate child process that can be killed and started again
 * on its own: a Kafka broker of its own ({@code dev/kafka.sh run} on other ports, with its own data directory, so the
 * machine's shared broker is never touched), the topics, the four packaged services ({@code quarkus-run.jar},
 * {@code local} profile, the port of {@code dev/services.properties}, the memory limit of their pod) and the nginx
 * edge on :8000 configured from the Ingress. Every child's output goes to {@code <run dir>/<name>.log}, with the
 * value of any {@code token=} replaced.
 */
final class LocalSuite implements AutoCloseable {

    static final List<String> SERVICES = List.of("token-service", "notification-service", "tracking-service",
            "partner-service");
    static final int EDGE_PORT = 8000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("([?&]token=)[^&\" ]+");
    private static final Pattern MEMORY_LIMIT = Pattern.compile("^\\s*memory:\\s*([0-9]+)(Mi|Gi)\\s*$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path repo;
    private final Path runDirectory;
    private final Path kafkaState;
    private final Path edgeState;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final ServicePorts ports;
    private final Map<String, Process> services = new LinkedHashMap<>();
    private Process kafka;
    private Process edge;

    /** {@code stateDirectory} keeps the broker's and the edge's files across runs; logs go to {@code runDirectory}. */
    LocalSuite(Path repo, Path stateDirectory, Path runDirectory, int kafkaPort, int kafkaControllerPort) {
        this.repo = repo;
        this.runDirectory = runDirectory;
        this.kafkaState = stateDirectory.resolve("kafka");
        this.edgeState = stateDirectory.resolve("edge");
        this.kafkaPort = kafkaPort;
        this.kafkaControllerPort = kafkaControllerPort;
        this.ports = ServicePorts.load(repo.resolve("dev/services.properties"));
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    int portOf(String service) {
        return ports.portOf(service);
    }

    /** Refuses to start when something already listens where the suite's pieces will. */
    void requireFreePorts() {
        List<Integer> wanted = new ArrayList<>(List.of(EDGE_PORT, kafkaPort, kafkaControllerPort));
        SERVICES.forEach(service -> wanted.add(ports.portOf(service)));
        for (int port : wanted) {
            if (answers(port)) {
                throw new IllegalStateException("something already listens on 127.0.0.1:" + port
                        + " (a dev/up, or another run?); stop it first");
            }
        }
    }

    void start() throws Exception {
        startKafka();
        createTopics();
        for (String service : SERVICES) {
            startService(service);
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
        startEdge();
    }

    /** A fresh broker: the data of an earlier run is removed first (the resolved classpath is kept). */
    private void startKafka() throws Exception {
        deleteRecursively(kafkaState.resolve("data"));
        Files.createDirectories(kafkaState);
        startKafkaProcess();
    }

    void startKafkaProcess() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("dev/kafka.sh").toString(), "run");
        builder.environment().put("REALTIME_KAFKA_PORT", Integer.toString(kafkaPort));
        builder.environment().put("REALTIME_KAFKA_CONTROLLER_PORT", Integer.toString(kafkaControllerPort));
        builder.environment().put("REALTIME_KAFKA_STATE_DIR", kafkaState.toString());
        kafka = startLogged("kafka", builder);
        await("Kafka on " + kafkaBootstrap(), kafka, KAFKA_TIMEOUT, () -> answers(kafkaPort));
    }

    /** SIGKILL: the broker (dev/kafka.sh exec's the JVM, so the child is the broker itself) dies on the spot. */
    void killKafka() throws InterruptedException {
        kill(kafka);
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            new TopicCreator(admin).createMissing(TopicPlan.topics(3, 1));
        }
    }

    void startService(String service) throws IOException {
        Path jar = repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (fault-test/run.sh does)");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxRAM=" + memoryLimitOf(service), "-XX:+UseSerialGC", "-jar", jar.toString());
        builder.environment().put("QUARKUS_PROFILE", "local");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(ports.portOf(service)));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        services.put(service, startLogged(service, builder));
    }

    void awaitReady(String service) throws InterruptedException {
        URI ready = URI.create("http://127.0.0.1:" + ports.portOf(service) + "/q/health/ready");
        await(service, services.get(service), READY_TIMEOUT, () -> status(ready) == 200);
    }

    /** SIGKILL, as a crashed pod: no shutdown hook runs, nothing is committed or closed. */
    void killService(String service) throws InterruptedException {
        kill(services.get(service));
    }

    /** SIGTERM, as Kubernetes stops a pod in a rolling update; waits until it exited. */
    void stopService(String service) throws InterruptedException {
        Process process = services.get(service);
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill(process);
        }
    }

    void startEdge() throws Exception {
        Files.createDirectories(edgeState.resolve("temp"));
        // Run as root, nginx's workers are nobody: they write request bodies into the state directory.
        Files.setPosixFilePermissions(edgeState, PosixFilePermissions.fromString("rwxr-xr-x"));
        EdgeSite site = new EdgeSite("127.0.0.1", EDGE_PORT, "127.0.0.1", edgeState, repo.resolve("console"), 4_096);
        Path config = Files.writeString(edgeState.resolve("nginx.conf"),
                NginxConfig.render(IngressReader.read(repo.resolve("k8s/base/ingress.yaml")), ports, site));
        edge = startLogged("edge", new ProcessBuilder(NginxBinary.path(), "-p", edgeState.toString(), "-c",
                config.toString(), "-e", "stderr"));
        await("the edge on :" + EDGE_PORT, edge, Duration.ofSeconds(30), () -> answers(EDGE_PORT));
    }

    /** SIGKILL to nginx's master and its workers, so every connection through the edge breaks at once. */
    void killEdge() throws InterruptedException {
        List<ProcessHandle> workers = edge.toHandle().descendants().toList();
        kill(edge);
        for (ProcessHandle worker : workers) {
            worker.destroyForcibly();
            worker.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Stops every child: the edge and the services first, the broker last so the services leave their groups. */
    @Override
    public void close() throws InterruptedException {
        List<Process> stopping = new ArrayList<>();
        if (edge != null) {
            stopping.add(edge);
        }
        stopping.addAll(services.values());
        stopping.forEach(Process::destroy);
        for (Process process : stopping) {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill(process);
            }
        }
        if (kafka != null) {
            kafka.destroy();
            if (!kafka.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill(kafka);
            }
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private Process startLogged(String name, ProcessBuilder builder) throws IOException {
        Path log = runDirectory.resolve(name + ".log");
        Process process = builder.directory(repo.toFile()).redirectErrorStream(true).start();
        Thread.ofVirtual().name("log-" + name).start(() -> copyWithoutTokens(process.getInputStream(), log));
        return process;
    }

    /** nginx's error log quotes request lines, and WebSocket URLs carry the session token. */
    private static void copyWithoutTokens(InputStream output, Path log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             Writer writer = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(withoutTokens(line));
                writer.write('\n');
                writer.flush();
            }
        } catch (IOException e) {
            // the process is gone; what it wrote is in the log
        }
    }

    static String withoutTokens(String line) {
        return TOKEN.matcher(line).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "REDACTED"));
    }

    /** The memory limit of the service's container in k8s/base, so the JVM sizes its heap as it does in its pod. */
    private String memoryLimitOf(String service) throws IOException {
        boolean inLimits = false;
        for (String line : Files.readAllLines(repo.resolve("k8s/base").resolve(service + ".yaml"))) {
            if (line.contains("limits:")) {
                inLimits = true;
            }
            Matcher memory = MEMORY_LIMIT.matcher(line);
            if (inLimits && memory.matches()) {
                return memory.group(1) + (memory.group(2).equals("Gi") ? "g" : "m");
            }
        }
        throw new IllegalStateException("k8s/base/" + service + ".yaml has no memory limit of the form 512Mi or 1Gi");
    }

    private void await(String what, Process process, Duration timeout, BooleanSupplier ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited while starting; see " + runDirectory);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s; see "
                        + runDirectory);
            }
            Thread.sleep(250);
        }
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of a GET, or -1 when nothing answered within 2 s. */
    private static int status(URI uri) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? response.statusCode() : -1)
                .join();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
