package com.laundryconnect.realtime.k8scheck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize directory with {@code kubectl kustomize}, the same renderer {@code kubectl apply -k} uses. */
final class Kubectl {

    static final String MISSING = "kubectl is not on the PATH. k8s-check renders k8s/ with `kubectl kustomize` "
            + "(kubectl ships kustomize; no cluster is needed): install kubectl and run the tests again.";
    private static final long TIMEOUT_SECONDS = 60;

    private Kubectl() {
    }

    /** The YAML stream that {@code kubectl kustomize directory} prints; fails the test when it cannot be had. */
    static String kustomize(Path directory) {
        return kustomize(directory, System.getenv("PATH"));
    }

    /** As {@link #kustomize(Path)}, looking for kubectl on the given PATH value. */
    static String kustomize(Path directory, String path) {
        Path kubectl = find(path).orElseThrow(() -> new AssertionError(MISSING));
        Path errors = null;
        try {
            // stderr goes to a file so that neither pipe can fill up and stall kubectl while the other is read.
            errors = Files.createTempFile("kubectl-kustomize", ".log");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectError(errors.toFile())
                    .start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + directory + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + directory + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(errors));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + directory, e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    /** The first executable {@code kubectl} on the given PATH value. */
    static Optional<Path> find(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path candidate = Path.of(entry, "kubectl");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
