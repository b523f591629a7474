package com.laundryconnect.realtime.localdev.edge;

/** A {@code pathType: Prefix} path of the Ingress and the name of the Service it routes to. */
public record IngressPath(String path, String serviceName) {
}
