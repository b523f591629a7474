package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real nginx, configured from the repository's Ingress as dev/up configures it, in front of one small Vert.x
 * backend that plays token-service, notification-service and tracking-service; nothing listens on partner-service's
 * port. The clients are the JDK's, so nothing the edge does is hidden by sharing an implementation with it.
 */
class NginxEdgeTest {

    private static final Path REPOSITORY_INGRESS = Path.of("../k8s/base/ingress.yaml");
    private static final String FORBIDDEN_ERROR = "{\"type\":\"error\",\"code\":4003,\"message\":\"forbidden\"}";

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> backendCloses = new CopyOnWriteArrayList<>();
    private static Vertx vertx;
    private static NginxEdge nginx;
    private static String edge;
    private static int backendPort;
    private static int downPort;

    @BeforeAll
    static void startBackendAndEdge(@TempDir Path directory) throws Exception {
        readableByNginxWorkers(directory);
        vertx = Vertx.vertx();
        HttpServer backend = await(vertx
                .createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(List.of("realtime.v1")))
                .requestHandler(NginxEdgeTest::playService)
                .listen(0, "127.0.0.1"));
        backendPort = backend.actualPort();
        downPort = portNobodyListensOn();
        Path servicePorts = Files.writeString(directory.resolve("services.properties"), """
                token-service=%d
                notification-service=%d
                tracking-service=%d
                partner-service=%d
                """.formatted(backendPort, backendPort, backendPort, downPort));
        Path console = Files.createDirectories(directory.resolve("console"));
        Files.writeString(console.resolve("index.html"), "<title>console</title>");
        Path state = Files.createDirectories(directory.resolve("edge"));
        nginx = NginxEdge.start(REPOSITORY_INGRESS, servicePorts, console, state);
        edge = "127.0.0.1:" + nginx.port();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        await(vertx.close());
    }

    @Test
    void forwardsHttpWithMethodQueryHeadersAndBody() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(http("/api/notifications/42/read/?unread=true&limit=5"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(200_000)))
                .header("Authorization", "Bearer access-token")
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        JsonObject seen = new JsonObject(response.body());
        assertEquals("POST", seen.getString("method"));
        assertEquals("/api/notifications/42/read/?unread=true&limit=5", seen.getString("uri"));
        assertEquals("Bearer access-token", seen.getString("authorization"));
        assertEquals(200_000, seen.getInteger("bodyLength"));
        assertEquals(edge, seen.getString("host"));
        assertEquals("127.0.0.1", seen.getString("x-forwarded-for"));
        assertEquals("http", seen.getString("x-forwarded-proto"));
        assertEquals(edge, seen.getString("x-forwarded-host"));
        assertEquals(Integer.toString(nginx.port()), seen.getString("x-forwarded-port"));
        assertNull(seen.getString("x-forwarded-prefix"), "the paths are not rewritten, so there is no prefix");
        assertNull(seen.getString("connection"), "without Connection: close the service connection is kept alive");
    }

    @Test
    void relaysTheBackendsStatusHeadersAndBody() throws Exception {
        HttpResponse<String> response = get("/api/realtime/token/?status=429");

        assertEquals(429, response.statusCode());
        assertEquals("30", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"detail\":\"Too many requests.\"}", response.body());
    }

    @Test
    void routesThePublishApiLocallySoTheConsoleCanPostOnTheSameOrigin() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(http("/internal/events"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[]}"))
                .header("Authorization", "Bearer service-token")
                .build();

        JsonObject seen = new JsonObject(client.send(request, HttpResponse.BodyHandlers.ofString()).body());

        assertEquals("POST", seen.getString("method"));
        assertEquals("/internal/events", seen.getString("uri"));
        assertEquals("Bearer service-token", seen.getString("authorization"));
    }

    @Test
    void answersPathsOutsideTheIngressWithAJson404() throws Exception {
        for (String path : List.of("/internal/events/", "/internal/other", "/api/realtimex", "/", "/q/health/ready")) {
            HttpResponse<String> response = get(path);

            assertEquals(404, response.statusCode(), path);
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(new JsonObject().put("detail", "Not found."), new JsonObject(response.body()));
        }
    }

    @Test
    void answersABackendThatIsDownWithAJson502() throws Exception {
        HttpResponse<String> response = get("/ws/partner/");

        assertEquals(502, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(new JsonObject(response.body()).getString("detail").contains("partner-service"));
    }

    @Test
    void deliversTheBackendsLastFrameAndThenItsCloseCodeAndReason() throws Exception {
        ClientSession session = new ClientSession();
        connect("/ws/orders/42/?token=t0ken", session);

        assertEquals("4003 forbidden", session.closed.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(FORBIDDEN_ERROR), session.received);
    }

    @Test
    void tunnelsFramesBothWaysWithTheBackendsSubprotocolAndTheClientsOrigin() throws Exception {
        ClientSession session = new ClientSession();
        WebSocket webSocket = await(client.newWebSocketBuilder()
                .subprotocols("bearer.t0ken", "realtime.v1")
                .header("Origin", "http://localhost:3000")
                .buildAsync(ws("/ws/notifications/"), session));

        assertEquals("realtime.v1", webSocket.getSubprotocol());
        await(webSocket.sendText("{\"type\":\"ping\",\"timestamp\":1}", true));
        await(webSocket.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}), true));
        waitFor(() -> session.received.size() == 3);
        assertEquals("{\"origin\":\"http://localhost:3000\",\"subprotocol\":\"realtime.v1\"}", session.received.get(0));
        assertEquals("{\"type\":\"ping\",\"timestamp\":1}", session.received.get(1));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, (byte[]) session.received.get(2));

        await(webSocket.sendClose(4000, "client leaves"));
        waitFor(() -> backendCloses.contains("4000 client leaves"));
    }

    @Test
    void relaysAnUpgradeTheBackendRefuses() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connect("/ws/notifications/refused/", new ClientSession()));

        WebSocketHandshakeException refusal = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
        assertEquals(403, refusal.getResponse().statusCode());
    }

    @Test
    void carriesManyWebSocketsAtOnce() throws Exception {
        List<ClientSession> sessions = new ArrayList<>();
        List<CompletableFuture<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ClientSession session = new ClientSession();
            sessions.add(session);
            connecting.add(client.newWebSocketBuilder().buildAsync(ws("/ws/notifications/"), session));
        }
        for (int i = 0; i < connecting.size(); i++) {
            WebSocket webSocket = await(connecting.get(i));
            await(webSocket.sendText("hello " + i, true));
            String expected = "hello " + i;
            List<Object> received = sessions.get(i).received;
            waitFor(() -> received.contains(expected));
            await(webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }
    }

    @Test
    void neverLogsTheTokenOfAWebSocketUrl() throws Exception {
        WebSocket webSocket = connect("/ws/notifications/?token=s3cret.jwt", new ClientSession());
        await(webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""));

        waitFor(() -> accessLog().contains("\"GET /ws/notifications/ HTTP/1.1\" 101"));
        assertFalse(accessLog().contains("s3cret"), accessLog());
    }

    @Test
    void servesTheConsoleDirectoryAsStaticFiles() throws Exception {
        HttpResponse<String> page = get("/console/");
        HttpResponse<String> withoutSlash = get("/console");

        assertEquals(200, page.statusCode());
        assertEquals("text/html", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<title>console</title>", page.body());
        assertEquals(301, withoutSlash.statusCode());
        assertEquals("/console/", withoutSlash.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("/console/missing.js").statusCode());
    }

    @Test
    void theLongestMatchingPathWinsWhateverTheIngressOrderAndExactBeatsPrefix(@TempDir Path directory)
            throws Exception {
        readableByNginxWorkers(directory);
        Path ingress = Files.writeString(directory.resolve("ingress.yaml"), """
                kind: Ingress
                spec:
                  rules:
                    - http:
                        paths:
                          - {path: /api, pathType: Prefix, backend: {service: {name: svc-up}}}
                          - {path: /api/special/, pathType: Prefix, backend: {service: {name: svc-down}}}
                          - {path: /api/exact, pathType: Exact, backend: {service: {name: svc-down}}}
                """);
        Path ports = Files.writeString(directory.resolve("services.properties"),
                "svc-up=" + backendPort + "\nsvc-down=" + downPort + "\n");
        Path state = Files.createDirectories(directory.resolve("edge"));
        try (NginxEdge other = NginxEdge.start(ingress, ports, directory.resolve("console"), state)) {
            String origin = "http://127.0.0.1:" + other.port();
            for (String path : List.of("/api", "/api/", "/api/x", "/api/specialx", "/api/exact/more", "/api/exactly")) {
                assertEquals(200, get(URI.create(origin + path)).statusCode(), path);
            }
            for (String path : List.of("/api/special", "/api/special/", "/api/special/x/y", "/api/exact")) {
                HttpResponse<String> response = get(URI.create(origin + path));
                assertEquals(502, response.statusCode(), path);
                assertTrue(response.body().contains("svc-down"), path + ": " + response.body());
            }
            assertEquals(404, get(URI.create(origin + "/apix")).statusCode());
        }
    }

    /** WebSocket endpoints behave like the contract's; other paths echo what reached them. */
    private static void playService(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/ws/notifications/refused")) {
            request.response().setStatusCode(403).end("{\"detail\":\"Origin not allowed.\"}");
        } else if (path.startsWith("/ws/")) {
            request.toWebSocket().onSuccess(webSocket -> playWebSocket(webSocket, request));
        } else if (request.params().contains("status")) {
            request.response().setStatusCode(Integer.parseInt(request.getParam("status")))
                    .putHeader("Retry-After", "30").end("{\"detail\":\"Too many requests.\"}");
        } else {
            request.body().onSuccess(body -> request.response().end(new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("bodyLength", body.length())
                    .put("authorization", request.getHeader("Authorization"))
                    .put("host", request.getHeader("Host"))
                    .put("x-forwarded-for", request.getHeader("X-Forwarded-For"))
                    .put("x-forwarded-proto", request.getHeader("X-Forwarded-Proto"))
                    .put("x-forwarded-host", request.getHeader("X-Forwarded-Host"))
                    .put("x-forwarded-port", request.getHeader("X-Forwarded-Port"))
                    .put("x-forwarded-prefix", request.getHeader("X-Forwarded-Prefix"))
                    .put("connection", request.getHeader("Connection"))
                    .encode()));
        }
    }

    private static void playWebSocket(ServerWebSocket webSocket, HttpServerRequest request) {
        if (webSocket.path().startsWith("/ws/orders/")) {
            webSocket.writeTextMessage(FORBIDDEN_ERROR);
            webSocket.close((short) 4003, "forbidden");
            return;
        }
        webSocket.writeTextMessage(new JsonObject()
                .put("origin", request.getHeader("Origin"))
                .put("subprotocol", webSocket.subProtocol())
                .encode());
        webSocket.textMessageHandler(webSocket::writeTextMessage);
        webSocket.binaryMessageHandler(webSocket::writeBinaryMessage);
        webSocket.closeHandler(end -> backendCloses.add(webSocket.closeStatusCode() + " " + webSocket.closeReason()));
    }

    /** Collects whole text and binary messages, and the close status as "code reason". */
    private static final class ClientSession implements WebSocket.Listener {
        final List<Object> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }
    }

    private static WebSocket connect(String path, ClientSession session) throws Exception {
        return await(client.newWebSocketBuilder().buildAsync(ws(path), session));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(http(path));
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Run as root, nginx's workers are nobody; JUnit's temporary directories are the owner's alone. */
    private static void readableByNginxWorkers(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String accessLog() {
        try {
            return Files.exists(nginx.accessLog()) ? Files.readString(nginx.accessLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI http(String path) {
        return URI.create("http://" + edge + path);
    }

    private static URI ws(String path) {
        return URI.create("ws://" + edge + path);
    }

    private static int portNobodyListensOn() throws Exception {
        HttpServer server = await(vertx.createHttpServer().requestHandler(request -> { }).listen(0, "127.0.0.1"));
        int port = server.actualPort();
        await(server.close());
        return port;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return await(future.toCompletionStage().toCompletableFuture());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
