package com.laundryconnect.realtime.localdev.edge;

/** Where a Kubernetes Service of the Ingress answers on this machine. */
public record Backend(String serviceName, String host, int port) {

    public String address() {
        return host + ":" + port;
    }
}
