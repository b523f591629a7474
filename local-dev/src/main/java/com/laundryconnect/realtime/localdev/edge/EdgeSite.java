package com.laundryconnect.realtime.localdev.edge;

import java.nio.file.Path;

/**
 * Where the local nginx listens and keeps its files, and what it may use.
 *
 * @param listenHost       address of the one origin, e.g. 127.0.0.1 (0.0.0.0 to reach it from a phone)
 * @param listenPort       port of the one origin, 8000 under {@code dev/up}
 * @param backendHost      where the services listen, on the ports of {@code dev/services.properties}
 * @param stateDirectory   absolute; pid file, access log and temporary files (nothing of the system's nginx)
 * @param consoleDirectory absolute; served at {@code /console/} (it may not exist yet: then that path answers 404)
 * @param openFilesLimit   the hard open-files limit nginx's workers may raise themselves to
 */
public record EdgeSite(String listenHost, int listenPort, String backendHost, Path stateDirectory,
                       Path consoleDirectory, int openFilesLimit) {

    public EdgeSite {
        if (!stateDirectory.isAbsolute() || !consoleDirectory.isAbsolute()) {
            throw new IllegalArgumentException("nginx needs absolute directories: " + stateDirectory + ", "
                    + consoleDirectory);
        }
    }
}
