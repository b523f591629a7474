package com.laundryconnect.realtime.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A few lines of a service's Prometheus page, /q/metrics, as the service itself counts them. */
final class ServiceMetrics {

    private ServiceMetrics() {
    }

    static List<String> lines(int port, List<String> prefixes) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines()
                    .filter(line -> !line.startsWith("#"))
                    .filter(line -> prefixes.stream().anyMatch(line::startsWith))
                    .toList();
        } catch (Exception e) {
            return List.of("(metrics unavailable: " + e.getClass().getSimpleName() + ")");
        }
    }
}
