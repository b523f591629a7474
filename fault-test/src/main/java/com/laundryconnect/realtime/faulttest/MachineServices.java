package com.laundryconnect.realtime.faulttest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The machine's shared PostgreSQL and Redis, stopped and started again exactly as the machine starts them. Whatever
 * this process stopped, {@link #restoreStopped()} starts again (the suite calls it on every way out), so they are
 * always left running as they were found.
 */
final class MachineServices {

    private static final List<String> REDIS_START = List.of("redis-server", "--daemonize", "yes", "--bind",
            "127.0.0.1", "-::1", "--port", "6379", "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
            "--logfile", "/var/log/redis/ci.log");
    private static final long ANSWER_TIMEOUT_MILLIS = 60_000;

    private final Consumer<String> log;
    private volatile boolean redisStopped;
    private volatile boolean postgresStopped;

    MachineServices(Consumer<String> log) {
        this.log = log;
    }

    void requireRunning() throws IOException, InterruptedException {
        if (!redisAnswers()) {
            throw new IllegalStateException("Redis does not answer on 127.0.0.1:6379; the suite needs it running");
        }
        if (!postgresAnswers()) {
            throw new IllegalStateException("PostgreSQL does not answer on 127.0.0.1:5432; the suite needs it running");
        }
    }

    /** {@code redis-cli shutdown nosave}: every key and every pub/sub subscription is gone. */
    void stopRedis() throws IOException, InterruptedException {
        redisStopped = true;
        run(List.of("redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"));
    }

    void startRedis() throws IOException, InterruptedException {
        run(REDIS_START);
        awaitAnswer("Redis", this::redisAnswers);
        redisStopped = false;
    }

    /** {@code pg_ctlcluster ... stop -m immediate}: every connection is cut without a clean shutdown. */
    void stopPostgres() throws IOException, InterruptedException {
        postgresStopped = true;
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", "immediate"));
    }

    void startPostgres() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start"));
        awaitAnswer("PostgreSQL", this::postgresAnswers);
        postgresStopped = false;
    }

    /** Starts again whatever this process stopped and did not start yet. */
    void restoreStopped() {
        try {
            if (redisStopped) {
                startRedis();
            }
            if (postgresStopped) {
                startPostgres();
            }
        } catch (IOException e) {
            log.accept("could not start the machine's Redis or PostgreSQL again: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean redisAnswers() {
        return outputOf(List.of("redis-cli", "-h", "127.0.0.1", "ping")).filter("PONG"::equals).isPresent();
    }

    private boolean postgresAnswers() {
        return outputOf(List.of("pg_isready", "-q", "-h", "127.0.0.1")).isPresent();
    }

    private void awaitAnswer(String what, BooleanSupplier answers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_TIMEOUT_MILLIS);
        while (!answers.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not answer within " + ANSWER_TIMEOUT_MILLIS / 1000 + " s");
            }
            Thread.sleep(200);
        }
    }

    /** The one cluster version under /etc/postgresql, as the machine's start command finds it. */
    private static String postgresVersion() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no cluster under /etc/postgresql"));
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        int status = process.waitFor();
        if (!output.isEmpty()) {
            log.accept(command.getFirst() + ": " + output);
        }
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + status);
        }
    }

    /** What the command printed, when it exited with 0. */
    private static Optional<String> outputOf(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
