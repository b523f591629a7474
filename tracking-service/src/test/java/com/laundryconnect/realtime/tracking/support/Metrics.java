package com.laundryconnect.realtime.tracking.support;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads one counter from the Prometheus endpoint, 0 when it has not been registered yet. */
public final class Metrics {

    private Metrics() {
    }

    /** @param labels label pairs as Prometheus writes them, e.g. {@code reason="stale"} */
    public static double value(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
