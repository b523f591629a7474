package com.laundryconnect.realtime.localdev.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The proxy settings of one Ingress: its {@code nginx.ingress.kubernetes.io/*} annotations where the local edge can
 * apply them, and ingress-nginx's own defaults where the Ingress says nothing, so that timeouts, body limits and
 * buffering are the cluster's. Annotations about TLS, auth, CORS and the like have no local meaning; they are listed
 * in {@link #notAppliedLocally()} so that the edge can say so.
 */
public record ProxySettings(int connectTimeoutSeconds, int readTimeoutSeconds, int sendTimeoutSeconds,
                            String bodySize, boolean buffering, String bufferSize, boolean requestBuffering,
                            List<String> notAppliedLocally) {

    static final String PREFIX = "nginx.ingress.kubernetes.io/";
    private static final Pattern SIZE = Pattern.compile("\\d+[kKmMgG]?");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,6}");

    public ProxySettings {
        notAppliedLocally = List.copyOf(notAppliedLocally);
    }

    /** ingress-nginx's defaults (its ConfigMap's proxy-* keys), what an Ingress without annotations gets. */
    public static ProxySettings defaults() {
        return new ProxySettings(5, 60, 60, "1m", false, "4k", true, List.of());
    }

    static ProxySettings fromAnnotations(Map<String, String> annotations, String source) {
        ProxySettings defaults = defaults();
        int connectTimeout = defaults.connectTimeoutSeconds();
        int readTimeout = defaults.readTimeoutSeconds();
        int sendTimeout = defaults.sendTimeoutSeconds();
        String bodySize = defaults.bodySize();
        boolean buffering = defaults.buffering();
        String bufferSize = defaults.bufferSize();
        boolean requestBuffering = defaults.requestBuffering();
        List<String> notApplied = new ArrayList<>();
        for (Map.Entry<String, String> annotation : annotations.entrySet()) {
            if (!annotation.getKey().startsWith(PREFIX)) {
                continue;
            }
            String name = annotation.getKey().substring(PREFIX.length());
            String value = annotation.getValue().strip();
            switch (name) {
                case "proxy-connect-timeout" -> connectTimeout = seconds(name, value, source);
                case "proxy-read-timeout" -> readTimeout = seconds(name, value, source);
                case "proxy-send-timeout" -> sendTimeout = seconds(name, value, source);
                case "proxy-body-size" -> bodySize = size(name, value, source);
                case "proxy-buffering" -> buffering = onOff(name, value, source);
                case "proxy-buffer-size" -> bufferSize = size(name, value, source);
                case "proxy-request-buffering" -> requestBuffering = onOff(name, value, source);
                default -> notApplied.add(annotation.getKey());
            }
        }
        return new ProxySettings(connectTimeout, readTimeout, sendTimeout, bodySize, buffering, bufferSize,
                requestBuffering, notApplied);
    }

    private static int seconds(String name, String value, String source) {
        if (!SECONDS.matcher(value).matches()) {
            throw invalid(name, value, "a number of seconds", source);
        }
        return Integer.parseInt(value);
    }

    private static String size(String name, String value, String source) {
        if (!SIZE.matcher(value).matches()) {
            throw invalid(name, value, "a size such as 8k or 1m", source);
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean onOff(String name, String value, String source) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw invalid(name, value, "on or off", source);
        };
    }

    private static InvalidRoutesException invalid(String name, String value, String expected, String source) {
        return new InvalidRoutesException(source + ": annotation " + PREFIX + name + " is '" + value + "', not "
                + expected);
    }
}
