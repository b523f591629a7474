package com.laundryconnect.realtime.faulttest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.laundryconnect.realtime.localdev.token.AccessTokenMinter;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The fault-injection suite of issue 11: starts the packaged suite, runs every chosen fault once and prints one line
 * per fault, then {@code N passed, M failed}; exits with 1 when any failed, 2 on a bad command line.
 */
public final class FaultTest {

    /** The broker the suite runs for itself, beside the machine's shared one on 9092/9093. */
    private static final int KAFKA_PORT = 19092;
    private static final int KAFKA_CONTROLLER_PORT = 19093;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private FaultTest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fault-test: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    private static int run(Options options) throws Exception {
        Path repo = Path.of(System.getProperty("faulttest.repo", ".")).toAbsolutePath().normalize();
        Path state = repo.resolve("fault-test/target/suite");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Path runDirectory = Files.createDirectories(state.resolve("runs").resolve(runId));
        say("logs of the suite's processes: " + runDirectory);
        MachineServices machine = new MachineServices(FaultTest::say);
        machine.requireRunning();
        LocalSuite suite = new LocalSuite(repo, state, runDirectory, KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        suite.requireFreePorts();
        // Interrupted (SIGTERM, Ctrl-C), the suite still starts the machine's Redis and PostgreSQL again and stops
        // its children.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            machine.restoreStopped();
            try {
                suite.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        List<FaultRun.Result> results = new ArrayList<>();
        try {
            say("starting Kafka (its own, on " + suite.kafkaBootstrap() + "), the four services and the edge on :"
                    + LocalSuite.EDGE_PORT + " ...");
            suite.start();
            FaultRun runner = new FaultRun(suite, machine, vertx, options,
                    new AccessTokenMinter(AccessTokenMinter.DEVELOPMENT_SECRET), runId, FaultTest::say);
            for (Fault fault : options.faults()) {
                FaultRun.Result result = runner.run(fault);
                results.add(result);
                System.out.println(result.line());
            }
        } finally {
            machine.restoreStopped();
            suite.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        long passed = results.stream().filter(FaultRun.Result::passed).count();
        System.out.println("%d passed, %d failed".formatted(passed, results.size() - passed));
        return passed == results.size() ? 0 : 1;
    }

    private static void say(String line) {
        System.out.println("[" + LocalTime.now(ZoneOffset.UTC).format(CLOCK) + "] " + line);
    }
}
