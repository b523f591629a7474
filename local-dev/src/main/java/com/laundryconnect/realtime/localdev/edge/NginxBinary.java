package com.laundryconnect.realtime.localdev.edge;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where Debian's nginx is: /usr/sbin is not on every user's PATH. */
public final class NginxBinary {

    private NginxBinary() {
    }

    /** @throws IllegalStateException when nginx is not installed */
    public static String path() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "nginx"))) {
                return Path.of(directory, "nginx").toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            return "/usr/sbin/nginx";
        }
        throw new IllegalStateException("nginx is not installed; apt-get install nginx (see the README's prerequisites)");
    }
}
