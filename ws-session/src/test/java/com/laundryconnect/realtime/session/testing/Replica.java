package com.laundryconnect.realtime.session.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One replica of a packaged service ({@code target/quarkus-app/quarkus-run.jar}, named by the failsafe system
 * property {@code app.jar}) in a child process with the test profile: the same database, Redis, Kafka and consumer
 * group as every other replica. Its log is {@code target/it-replica-<name>.log}.
 */
public final class Replica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private Replica(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Replica start(String name, String... extraSystemProperties) throws IOException {
        return start(name, Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")),
                extraSystemProperties);
    }

    /** A replica of the service packaged as {@code jar}, for suites that run several services together. */
    public static Replica start(String name, Path jar, String... extraSystemProperties) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the failsafe tests after package");
        }
        int port = freePort();
        Path log = jar.getParent().getParent().resolve("it-replica-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                // The packaged jar lacks the test classpath, where the test profile finds the WS-token keys.
                "-Drealtime.ws-token.jwks-location=file:" + testJwksFile()));
        for (String property : extraSystemProperties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Replica(name, port, process, log);
    }

    /** Waits until the replica reports ready (Kafka, PostgreSQL and Redis answer). */
    public Replica awaitReady() {
        Awaitility.await("replica " + name + " ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("replica " + name + " exited; see " + log);
                    }
                    return readyStatus() == 200;
                });
        return this;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Stops the replica the way a crash does: SIGKILL, no shutdown hooks, nothing flushed or committed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops the replica the way Kubernetes and Ctrl-C do, with SIGTERM, and returns how long it took to exit
     * (at most {@code bound}; a replica still running then is killed and the bound is returned).
     */
    public Duration terminate(Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return bound;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private int readyStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Path testJwksFile() throws IOException {
        Path file = Files.createTempFile("test-ws-jwks", ".json");
        file.toFile().deleteOnExit();
        try (InputStream in = Replica.class.getClassLoader().getResourceAsStream("test-ws-jwks.json")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file.toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
