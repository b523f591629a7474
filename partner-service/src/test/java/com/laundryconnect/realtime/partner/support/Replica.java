package com.laundryconnect.realtime.partner.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One replica of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a child process with the test
 * profile: the same database, Redis, Kafka and consumer group as every other replica. Its log is
 * {@code target/it-replica-<name>.log}.
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

    public static Replica start(String name) throws IOException {
        Path jar = Path.of(System.getProperty("partner.app.jar", "target/quarkus-app/quarkus-run.jar"));
        Path testClasses = Path.of(System.getProperty("partner.test.classes", "target/test-classes"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the failsafe tests after package");
        }
        int port = freePort();
        Path log = jar.getParent().getParent().resolve("it-replica-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx384m",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.port=" + port,
                // The test profile names a classpath resource of the test classes, which the packaged jar lacks.
                "-Drealtime.ws-token.jwks-location=file:" + testClasses.resolve("test-ws-jwks.json").toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
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

    public URI partnerEndpoint() {
        return URI.create("http://127.0.0.1:" + port + "/ws/partner/");
    }

    private int readyStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
