package com.laundryconnect.realtime.k8scheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Collects every problem of one check, so a failing test names all of them at once. */
final class Problems {

    private Problems() {
    }

    static void assertNone(Rendering rendering, String check, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(rendering + ": " + check + ":\n  - " + String.join("\n  - ", problems));
        }
    }
}
