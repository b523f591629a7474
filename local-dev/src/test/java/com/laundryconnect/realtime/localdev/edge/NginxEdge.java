package com.laundryconnect.realtime.localdev.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real nginx edge, configured by {@link NginxConfig} exactly as {@code dev/up} configures it, on a free port of
 * 127.0.0.1 with its files in a directory of its own; {@link #close()} stops it. nginx must be installed
 * ({@code apt-get install nginx}; {@code .ci/run} installs it).
 */
public final class NginxEdge implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final Process process;
    private final int port;
    private final Path stateDirectory;

    private NginxEdge(Process process, int port, Path stateDirectory) {
        this.process = process;
        this.port = port;
        this.stateDirectory = stateDirectory;
    }

    /** Starts nginx routing the Ingress {@code ingress} to the ports of {@code servicePorts}. */
    public static NginxEdge start(Path ingress, Path servicePorts, Path consoleDirectory, Path stateDirectory)
            throws IOException, InterruptedException {
        // Run as root, nginx's workers are nobody: they write request bodies into the state directory.
        Files.setPosixFilePermissions(stateDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(stateDirectory.resolve("temp"));
        int port = freePort();
        EdgeSite site = new EdgeSite("127.0.0.1", port, "127.0.0.1", stateDirectory.toAbsolutePath(),
                consoleDirectory.toAbsolutePath(), 4_096);
        Path config = Files.writeString(stateDirectory.resolve("nginx.conf"),
                NginxConfig.render(IngressReader.read(ingress), ServicePorts.load(servicePorts), site));
        Path output = stateDirectory.resolve("nginx.out");
        Process process = new ProcessBuilder(List.of(NginxBinary.path(), "-p", stateDirectory.toString(), "-c",
                config.toString(), "-e", "stderr"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        NginxEdge edge = new NginxEdge(process, port, stateDirectory);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!edge.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                edge.close();
                throw new IllegalStateException("nginx did not start on port " + port + ":\n" + Files.readString(output));
            }
            Thread.sleep(50);
        }
        return edge;
    }

    public int port() {
        return port;
    }

    /** The access log; nginx writes it out at most a second after a request. */
    public Path accessLog() {
        return stateDirectory.resolve("access.log");
    }

    /** What nginx wrote on stderr: start-up messages and its error log. */
    public String output() throws IOException {
        return Files.readString(stateDirectory.resolve("nginx.out"));
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM: nginx's fast shutdown, the master takes its workers down with it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
