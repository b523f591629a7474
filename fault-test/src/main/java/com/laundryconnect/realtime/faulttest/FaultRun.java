package com.laundryconnect.realtime.faulttest;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.laundryconnect.realtime.loadtest.EventProducer;
import com.laundryconnect.realtime.loadtest.MonoClock;
import com.laundryconnect.realtime.localdev.token.AccessTokenMinter;
import com.laundryconnect.realtime.localdev.token.Role;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;

/**
 * One fault, end to end: the run's users get their WebSocket token from token-service through the edge and open
 * their session; events go out at a fixed rate through the publish API; half way through, the fault is injected
 * (on a thread of its own, so the pace holds); then the run waits until every accepted event has reached its user or
 * the drain time is up, and counts.
 */
final class FaultRun {

    /** What a run printed as its line. */
    record Result(Fault fault, DeliveryLedger.Tally tally, long stored, Map<String, Integer> publishOutcomes,
                  Map<Integer, Integer> closeCodes, int gaveUp) {

        boolean passed() {
            return tally.passed() && gaveUp == 0;
        }

        String line() {
            return "%-20s %s  accepted %d, stored %d, delivered %d (live %d, replayed %d), lost %d, duplicated %d, "
                    .formatted(fault.id(), passed() ? "PASS" : "FAIL", tally.accepted(), stored, tally.delivered(),
                            tally.deliveredLive(), tally.replayed(), tally.lost(), tally.duplicated())
                    + "deliveries again after %s; publish answers %s, closes %s%s%s".formatted(
                    tally.recoveryMillis() < 0 ? "never" : "%.1f s".formatted(tally.recoveryMillis() / 1000.0),
                    publishOutcomes, closeCodes,
                    tally.deliveredUnaccepted() > 0 ? ", delivered though not accepted " + tally.deliveredUnaccepted() : "",
                    tally.misrouted() > 0 ? ", to the wrong user " + tally.misrouted() : "")
                    + (gaveUp > 0 ? ", clients that gave up " + gaveUp : "");
        }
    }

    private static final String TOKEN_PATH = "/api/realtime/token/";
    private static final long SESSION_SET_UP_SECONDS = 90;
    private static final long SETTLE_MILLIS = 2_000;

    private final LocalSuite suite;
    private final MachineServices machine;
    private final Vertx vertx;
    private final Options options;
    private final AccessTokenMinter minter;
    private final String runId;
    private final Consumer<String> log;

    FaultRun(LocalSuite suite, MachineServices machine, Vertx vertx, Options options, AccessTokenMinter minter,
             String runId, Consumer<String> log) {
        this.suite = suite;
        this.machine = machine;
        this.vertx = vertx;
        this.options = options;
        this.minter = minter;
        this.runId = runId;
        this.log = log;
    }

    Result run(Fault fault) throws Exception {
        Traffic traffic = fault.traffic();
        String prefix = "ft-" + runId + "-" + fault.id() + "-";
        List<Traffic.User> users = new ArrayList<>();
        for (int i = 0; i < options.users(); i++) {
            users.add(new Traffic.User(i, prefix + "u" + i, prefix + "o" + i, prefix + "p" + i));
        }
        Publisher publisher = new Publisher(vertx, minter.mint(Role.SERVICE,
                "fault-test", Duration.ofHours(2), Instant.now()));
        int publishPort = suite.portOf(fault.publishVia());
        List<JsonObject> setUp = new ArrayList<>();
        users.forEach(user -> setUp.addAll(traffic.setUp(user, Instant.now())));
        if (!setUp.isEmpty()) {
            publisher.postAndAwait(publishPort, setUp);
        }

        DeliveryLedger ledger = new DeliveryLedger();
        Map<Integer, Integer> closeCodes = new TreeMap<>();
        WebSocketClient webSockets = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout(10_000).setClosingTimeout(5).setMaxConnections(options.users() * 2 + 10));
        HttpClient tokenClient = vertx.createHttpClient();
        List<ResumingClient> clients = new ArrayList<>();
        try {
            List<Future<Void>> established = new ArrayList<>();
            for (Traffic.User user : users) {
                JsonObject endpoints = endpoints(tokenClient, traffic, user);
                ResumingClient client = new ResumingClient(vertx, webSockets, LocalSuite.EDGE_PORT, user,
                        pathAndQuery(traffic.endpoint(endpoints, user)), traffic, ledger, closeCodes);
                clients.add(client);
                established.add(client.start());
            }
            Future.all(established).toCompletionStage().toCompletableFuture().get(SESSION_SET_UP_SECONDS, TimeUnit.SECONDS);
            log.accept("%s: %d sessions established on %s; publishing %d %s events at %.0f/s through %s; then: %s"
                    .formatted(fault.id(), clients.size(), traffic.service(), options.events(), traffic.label(),
                            options.rate(), fault.publishVia(), fault.description()));
            synchronized (closeCodes) {
                closeCodes.clear();
            }

            long[] faultMicros = {Long.MAX_VALUE};
            CompletableFuture<Void> injected = new CompletableFuture<>();
            long faultAfter = options.events() / 2;
            EventProducer.Pacing pacing = EventProducer.paced(options.events(), options.rate(),
                    options.events() / options.rate() + 60, seq -> {
                        if (seq == faultAfter) {
                            log.accept("%s: injecting the fault after event %d".formatted(fault.id(), seq));
                            faultMicros[0] = MonoClock.micros();
                            Thread.ofPlatform().name("fault-" + fault.id()).start(() -> inject(fault, injected));
                        }
                        Traffic.User owner = users.get((int) (seq % users.size()));
                        String key = prefix + "e" + seq;
                        long now = MonoClock.micros();
                        ledger.sent(key, owner.index(), now);
                        publisher.post(publishPort, traffic.event(key, owner, MonoClock.instantOfMicros(now)),
                                ledger::accepted);
                    }, sent -> log.accept("%s: published %d".formatted(fault.id(), sent)));
            log.accept("%s: published %d in %.1f s".formatted(fault.id(), pacing.sent(), pacing.seconds()));
            injected.get(10, TimeUnit.MINUTES);
            log.accept("%s: the fault is over; waiting for the publish API's answers and the deliveries".formatted(fault.id()));
            publisher.awaitAnswers(60_000);
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
            while (!ledger.allAcceptedDelivered() && System.nanoTime() < drainDeadline) {
                Thread.sleep(250);
            }
            Thread.sleep(SETTLE_MILLIS);
            DeliveryLedger.Tally tally = ledger.tally(faultMicros[0]);
            long stored = stored(traffic, prefix);
            int gaveUp = (int) clients.stream().filter(ResumingClient::gaveUp).count();
            Map<Integer, Integer> closes;
            synchronized (closeCodes) {
                closes = new TreeMap<>(closeCodes);
            }
            return new Result(fault, tally, stored, publisher.takeOutcomes(), closes, gaveUp);
        } finally {
            clients.forEach(ResumingClient::close);
            Thread.sleep(500);
            webSockets.close();
            tokenClient.close();
        }
    }

    /** Runs the fault's action; its outcome (or failure) completes {@code done}. */
    private void inject(Fault fault, CompletableFuture<Void> done) {
        try {
            switch (fault) {
                case REDIS_RESTART -> {
                    machine.stopRedis();
                    Thread.sleep(options.outageMillis());
                    machine.startRedis();
                }
                case NOTIFICATION_KILL -> {
                    suite.killService("notification-service");
                    Thread.sleep(options.outageMillis());
                    restart("notification-service");
                }
                case KAFKA_KILL -> {
                    suite.killKafka();
                    Thread.sleep(options.kafkaOutageMillis());
                    suite.startKafkaProcess();
                }
                case POSTGRES_STOP -> {
                    machine.stopPostgres();
                    Thread.sleep(options.outageMillis());
                    machine.startPostgres();
                }
                case EDGE_KILL -> {
                    suite.killEdge();
                    Thread.sleep(options.outageMillis());
                    suite.startEdge();
                }
                case NOTIFICATION_RESTART -> rollingRestart("notification-service");
                case TRACKING_RESTART -> rollingRestart("tracking-service");
                case PARTNER_RESTART -> rollingRestart("partner-service");
            }
            log.accept(fault.id() + ": " + fault.description() + ": done");
            done.complete(null);
        } catch (Exception e) {
            log.accept(fault.id() + ": injecting the fault failed: " + e);
            done.completeExceptionally(e);
        }
    }

    private void rollingRestart(String service) throws Exception {
        long start = System.nanoTime();
        suite.stopService(service);
        log.accept("%s stopped (SIGTERM) in %.1f s".formatted(service, (System.nanoTime() - start) / 1e9));
        restart(service);
    }

    private void restart(String service) throws Exception {
        long start = System.nanoTime();
        suite.startService(service);
        suite.awaitReady(service);
        log.accept("%s ready again %.1f s after its start".formatted(service, (System.nanoTime() - start) / 1e9));
    }

    /** token-service's answer for the user, asked through the edge with the user's access token, as the guide does. */
    private JsonObject endpoints(HttpClient http, Traffic traffic, Traffic.User user) throws Exception {
        String accessToken = minter.mint(traffic.role(), user.id(), Duration.ofHours(2), Instant.now());
        return http.request(HttpMethod.GET, LocalSuite.EDGE_PORT, "127.0.0.1", TOKEN_PATH)
                .compose(request -> request.putHeader("Authorization", "Bearer " + accessToken).send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET " + TOKEN_PATH + " answered " + response.statusCode());
                    }
                    return body.toJsonObject().getJsonObject("endpoints");
                }))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The path and query of a {@code ws://localhost:8000/...} URL: the clients connect to the edge on 127.0.0.1. */
    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static long stored(Traffic traffic, String prefix) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + traffic.database(), "postgres", "");
             PreparedStatement count = connection.prepareStatement(traffic.storedQuery())) {
            count.setString(1, prefix + "%");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
