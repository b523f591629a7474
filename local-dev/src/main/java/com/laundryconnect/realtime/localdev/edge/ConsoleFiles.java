package com.laundryconnect.realtime.localdev.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The browser console's static files (the repository's {@code console/} directory) at {@code /console/}. Local only:
 * the production ingress has no such route. Files are sent as they are on disk, uncached, so an edit shows on reload.
 */
public final class ConsoleFiles {

    static final PathPrefix PREFIX = PathPrefix.of("/console");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "md", "text/markdown; charset=utf-8");

    private final Path root;

    public ConsoleFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    boolean serves(HttpServerRequest request) {
        return PREFIX.matches(request.path());
    }

    void serve(HttpServerRequest request, AccessLog accessLog) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            ProxyResponses.sendDetail(request, 405, "Method not allowed.");
            accessLog.record(request, 405, "console");
            return;
        }
        if (request.path().equals("/console")) {
            request.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, "/console/").end();
            accessLog.record(request, 301, "console");
            return;
        }
        String relative = request.path().substring("/console/".length());
        Path file = root.resolve(relative.isEmpty() || relative.endsWith("/") ? relative + "index.html" : relative)
                .normalize();
        String extension = file.getFileName().toString().replaceFirst("^.*\\.", "").toLowerCase(Locale.ROOT);
        if (!file.startsWith(root) || !Files.isRegularFile(file) || !CONTENT_TYPES.containsKey(extension)) {
            ProxyResponses.notFound(request, accessLog);
            return;
        }
        request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPES.get(extension))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (request.method() == HttpMethod.HEAD) {
            request.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(file.toFile().length())).end();
        } else {
            request.response().sendFile(file.toString());
        }
        accessLog.record(request, 200, "console");
    }
}
