package com.laundryconnect.realtime.loadtest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The load test only ever sends traffic to this machine: every target must resolve to a loopback address. */
final class Loopback {

    private Loopback() {
    }

    static void require(String what, String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (!address.isLoopbackAddress()) {
                    throw new UsageException(what + " " + host + " is not a loopback address; only 127.0.0.0/8, "
                            + "::1 and localhost are allowed targets");
                }
            }
        } catch (UnknownHostException e) {
            throw new UsageException(what + " " + host + " cannot be resolved");
        }
    }
}
