package com.laundryconnect.realtime.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubectlTest {

    @Test
    void kubectlIsLookedUpOnThePath(@TempDir Path directory) throws IOException {
        Path kubectl = Files.createFile(directory.resolve("kubectl"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertEquals(Optional.of(kubectl), Kubectl.find("/nonexistent:" + directory));
    }

    @Test
    void noKubectlOnThePathIsNotFound(@TempDir Path directory) {
        assertEquals(Optional.empty(), Kubectl.find(directory.toString()));
        assertEquals(Optional.empty(), Kubectl.find(""));
    }

    @Test
    void renderingWithoutKubectlFailsWithAMessageThatSaysWhatToInstall(@TempDir Path directory) {
        AssertionError error = assertThrows(AssertionError.class, () -> Kubectl.kustomize(directory, directory.toString()));
        assertEquals(Kubectl.MISSING, error.getMessage());
        assertTrue(error.getMessage().contains("install kubectl"));
    }

    @Test
    void aKustomizationThatDoesNotBuildFailsWithKubectlsMessage(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        AssertionError error = assertThrows(AssertionError.class, () -> Kubectl.kustomize(directory));
        assertTrue(error.getMessage().startsWith("kubectl kustomize " + directory + " failed"), error.getMessage());
        assertTrue(error.getMessage().contains("missing.yaml"), error.getMessage());
    }
}
