package com.laundryconnect.realtime.loadtest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;

/**
 * {@code connect}: a reconnect storm through the edge. N sessions of N distinct users, at most C set-ups at a time,
 * each done the way the guide's clients do it: {@code GET /api/realtime/token/} with the user's access token, on a
 * connection of its own (separate clients share none), then the {@code endpoints.notifications} URL of the answer,
 * until {@code connection_established}. Reports new sessions per second, the token and set-up latencies, and the CPU
 * each process spent per new session. No events are published.
 */
final class ConnectScenario {

    private static final String TOKEN_PATH = "/api/realtime/token/";
    private static final long ATTEMPT_TIMEOUT_MILLIS = 60_000;

    private ConnectScenario() {
    }

    static int run(Run run) {
        Options options = run.options;
        run.section("processes");
        run.pidOn("edge on the target port", options.port());
        run.pidOn("notification-service", options.servicePort);
        Processes processes = new Processes();
        SocketFleet.RetryPolicy noRetry = (conn, failure) -> false;
        Latencies tokenLatencies = new Latencies();

        try (SocketFleet fleet = new SocketFleet(options.host(), options.port(), 2, options.sessions + 200, (c, m, t) -> { })) {
            HttpClient http = tokenClient(fleet, options);
            SocketFleet.UriSource tokenFirst = conn -> wsTokenEndpoint(http, options, conn, tokenLatencies);

            int warmups = Math.min(100, Math.max(1, options.sessions / 100));
            run.section("warm-up: " + warmups + " sessions set up and closed");
            List<SocketFleet.Conn> warm = new ArrayList<>();
            for (int i = 0; i < warmups; i++) {
                warm.add(new SocketFleet.Conn(i, run.tokens.mint(AccessTokens.Role.CUSTOMER, user(run, "w" + i))));
            }
            try (SocketFleet warmFleet = new SocketFleet(options.host(), options.port(), 1, warmups, (c, m, t) -> { })) {
                HttpClient warmHttp = tokenClient(warmFleet, options);
                warmFleet.openAll(warm, 50, ATTEMPT_TIMEOUT_MILLIS, 1_000, run.deadlineAfterSeconds(60), noRetry,
                        conn -> wsTokenEndpoint(warmHttp, options, conn, new Latencies()), run::say);
                run.say("warm-up sessions established: " + warmFleet.establishedCount() + " of " + warmups);
                warmFleet.closeAll(warm, 10_000);
            }
            run.settle("closed warm-up sessions");

            run.section("setting up %d sessions through %s, each fetching its token first, %d at a time"
                    .formatted(options.sessions, options.target, options.connectConcurrency));
            List<SocketFleet.Conn> conns = new ArrayList<>();
            for (int i = 0; i < options.sessions; i++) {
                // The connection's uri holds the user's access token; the WebSocket URI comes from token-service.
                conns.add(new SocketFleet.Conn(i, run.tokens.mint(AccessTokens.Role.CUSTOMER, user(run, "u" + i))));
            }
            run.say("load average before: " + Machine.loadAverage());
            run.figure("load_average_at_setup", Machine.loadAverage());
            Processes.Snapshot cpuStart = processes.snapshot();
            long start = System.nanoTime();
            fleet.openAll(conns, options.connectConcurrency, ATTEMPT_TIMEOUT_MILLIS, 1_000,
                    run.deadlineAfterSeconds(options.setupTimeoutSeconds), noRetry, tokenFirst, run::say);
            double seconds = (System.nanoTime() - start) / 1e9;
            Processes.Snapshot cpuEnd = processes.snapshot();
            int established = fleet.establishedCount();

            run.section("results");
            run.reportOpening(fleet, options.sessions, seconds);
            Latencies setupLatencies = new Latencies();
            conns.stream().filter(conn -> conn.established)
                    .forEach(conn -> setupLatencies.record(conn.establishedMicros - conn.attemptStartMicros));
            run.say("token request (GET " + TOKEN_PATH + ", new connection): " + tokenLatencies.summary());
            run.say("whole set-up (token request to connection_established): " + setupLatencies.summary());
            run.printCpu(cpuStart, cpuEnd);
            run.say("cpu per new session (%d established):".formatted(established));
            Processes.cpuPerUnit(cpuStart, cpuEnd, established, "session").forEach(line -> run.say("  cpu " + line));
            run.figure("sessions_wanted", options.sessions);
            run.figure("sessions_established", established);
            run.figure("setup_seconds", Run.round1(seconds));
            run.figure("new_sessions_per_s", Run.round1(established / Math.max(seconds, 0.001)));
            run.figure("token_p50_ms", Run.round1(tokenLatencies.percentileMillis(50)));
            run.figure("token_p99_ms", Run.round1(tokenLatencies.percentileMillis(99)));
            run.figure("setup_p50_ms", Run.round1(setupLatencies.percentileMillis(50)));
            run.figure("setup_p99_ms", Run.round1(setupLatencies.percentileMillis(99)));
            run.figure("edge_cpu_us_per_session",
                    Run.round1(Processes.microsPerUnit(cpuStart, cpuEnd, Processes.EDGE, established)));
            run.settle("sessions held");
            int status = run.finish(fleet, conns);
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return established == 0 ? 1 : status;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The token requests' client, on the fleet's own Vert.x: a WebSocket connected from another Vert.x instance's
     * thread gets its message handler too late and can miss {@code connection_established}. No keepalive: every token
     * request opens its own connection, as the separate clients of a storm would.
     */
    private static HttpClient tokenClient(SocketFleet fleet, Options options) {
        return fleet.vertx().createHttpClient(
                new HttpClientOptions().setKeepAlive(false).setConnectTimeout(30_000),
                new PoolOptions().setHttp1MaxSize(options.connectConcurrency + 100).setMaxWaitQueueSize(-1));
    }

    /** The notifications endpoint token-service hands this user: path and query, on the target origin. */
    private static Future<String> wsTokenEndpoint(HttpClient http, Options options, SocketFleet.Conn conn,
                                                  Latencies tokenLatencies) {
        long start = MonoClock.micros();
        return http.request(HttpMethod.GET, options.port(), options.host(), TOKEN_PATH)
                .compose(request -> request.putHeader("Authorization", "Bearer " + conn.uri).send())
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("token request answered " + response.statusCode());
                    }
                    tokenLatencies.record(MonoClock.micros() - start);
                    URI endpoint = URI.create(new JsonObject(body).getJsonObject("endpoints").getString("notifications"));
                    Loopback.require("endpoints.notifications", endpoint.getHost());
                    int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
                    if (port != options.port()) {
                        return Future.failedFuture("endpoints.notifications " + endpoint.getHost() + ":" + port
                                + " is not the target's port " + options.port());
                    }
                    return Future.succeededFuture(endpoint.getRawPath() + "?" + endpoint.getRawQuery());
                }));
    }

    private static String user(Run run, String suffix) {
        return "lt-" + run.runId + "-" + suffix;
    }
}
