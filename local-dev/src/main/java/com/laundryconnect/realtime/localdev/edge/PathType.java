package com.laundryconnect.realtime.localdev.edge;

/** The Ingress path types the edge implements; {@code ImplementationSpecific} has no portable meaning, so it is refused. */
public enum PathType {
    /** Matches the path and everything below it, element by element ({@code /a} matches {@code /a/b}, not {@code /ab}). */
    PREFIX,
    /** Matches the path exactly, and wins over a {@code Prefix} of the same path. */
    EXACT
}
