package com.laundryconnect.realtime.localdev.edge;

/** One Ingress path and the local backend its Service maps to. */
public record Route(PathPrefix prefix, Backend backend) {
}
