package com.laundryconnect.realtime.k8scheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The three renderings of k8s/: the base, which the overlays build on, and the two deployable overlays. */
enum Rendering {
    BASE("base"),
    DEV("overlays/dev"),
    PROD("overlays/prod");

    private static final Map<Rendering, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String directory;

    Rendering(String directory) {
        this.directory = directory;
    }

    /** The k8s/ directory of the repository, passed by the build (surefire's k8s.dir). */
    static Path k8sDirectory() {
        String configured = System.getProperty("k8s.dir");
        Path k8s = Path.of(configured != null ? configured : "../k8s").toAbsolutePath().normalize();
        if (!Files.isDirectory(k8s)) {
            throw new AssertionError("no k8s/ directory at " + k8s);
        }
        return k8s;
    }

    /** The rendered objects, rendered once per test run. */
    Manifests manifests() {
        return RENDERED.computeIfAbsent(this, rendering -> Manifests.parse(Kubectl.kustomize(k8sDirectory().resolve(directory))));
    }

    @Override
    public String toString() {
        return "k8s/" + directory;
    }
}
