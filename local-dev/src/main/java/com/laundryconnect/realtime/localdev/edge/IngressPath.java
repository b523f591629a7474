package com.laundryconnect.realtime.localdev.edge;

/** One path of the Ingress, the Service it routes to, and the proxy settings of the Ingress that declares it. */
public record IngressPath(String path, PathType pathType, String serviceName, ProxySettings settings) {
}
