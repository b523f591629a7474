package com.laundryconnect.realtime.localdev.edge;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The local port of each Kubernetes Service, from {@code dev/services.properties} (service name = port). */
public final class ServicePorts {

    private final Properties ports;
    private final String source;

    private ServicePorts(Properties ports, String source) {
        this.ports = ports;
        this.source = source;
    }

    public static ServicePorts load(Path file) {
        Properties ports = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            ports.load(reader);
        } catch (IOException e) {
            throw new InvalidRoutesException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ServicePorts(ports, file.toString());
    }

    public int portOf(String serviceName) {
        String value = ports.getProperty(serviceName);
        if (value == null) {
            throw new InvalidRoutesException(source + " has no port for service '" + serviceName + "'");
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the service's name
        }
        throw new InvalidRoutesException(source + ": '" + value + "' is not a port, for service '" + serviceName + "'");
    }
}
