package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console's files at /console/, next to an empty route table, as the local edge serves them. */
class ConsoleFilesTest {

    private static final HttpClient client = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static String edge;

    @BeforeAll
    static void startEdge(@TempDir Path directory) throws Exception {
        Path console = Files.createDirectories(directory.resolve("console"));
        Files.writeString(console.resolve("index.html"), "<h1>console</h1>");
        Files.createDirectories(console.resolve("generated"));
        Files.writeString(console.resolve("generated/guide-clients.js"), "export {};");
        Files.writeString(directory.resolve("secret.txt"), "outside the console directory");
        vertx = Vertx.vertx();
        int port = await(EdgeServer.start(vertx,
                        new RouteTable(List.of()), "127.0.0.1", 0, new AccessLog(line -> { }),
                        Optional.of(new ConsoleFiles(console))))
                .actualPort();
        edge = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void servesTheIndexPageAtTheDirectory() throws Exception {
        HttpResponse<String> response = get("/console/");

        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<h1>console</h1>", response.body());
    }

    @Test
    void redirectsTheBarePathToTheDirectory() throws Exception {
        HttpResponse<String> response = get("/console");

        assertEquals(301, response.statusCode());
        assertEquals("/console/", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void servesScriptsAsJavaScript() throws Exception {
        HttpResponse<String> response = get("/console/generated/guide-clients.js");

        assertEquals(200, response.statusCode());
        assertEquals("text/javascript; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("export {};", response.body());
    }

    @Test
    void neverServesAFileOutsideTheConsoleDirectoryOrAMissingOne() throws Exception {
        for (String path : List.of("/console/../secret.txt", "/console/%2e%2e/secret.txt", "/console/missing.js")) {
            assertEquals(404, get(path).statusCode(), path);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(edge + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
