package com.laundryconnect.realtime.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessProbeTest {

    @Test
    void readsG1HeapInfoOfJdk25() {
        String output = """
                26428:
                garbage-first heap   total reserved 6172672K, committed 393216K, used 11362K [0x0000000687400000, 0x0000000800000000)
                 region size 4096K, 3 young (12288K), 1 survivors (4096K)
                """;
        ProcessProbe.Heap heap = ProcessProbe.parseHeapInfo(output).orElseThrow();
        assertEquals(393_216, heap.committedKb());
        assertEquals(11_362, heap.usedKb());
    }

    @Test
    void readsOlderHeapInfoLayouts() {
        ProcessProbe.Heap heap = ProcessProbe.parseHeapInfo(" garbage-first heap   total 262144K, used 52381K [0x0)")
                .orElseThrow();
        assertEquals(262_144, heap.committedKb());
        assertEquals(52_381, heap.usedKb());
    }

    @Test
    void readsThisProcess() {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcessProbe.memory(pid).orElseThrow().rssKb() > 0);
        assertTrue(ProcessProbe.openFiles(pid) > 0);
        assertTrue(ProcessProbe.cpuMillis(pid) >= 0);
    }

    @Test
    void countsAProcessWithItsSameNamedParentAndChildrenAsNginxWorkersWithTheirMaster() throws Exception {
        // A bash that starts a second bash, which starts sleep: like nginx's master and a worker, plus a stranger.
        Process outer = new ProcessBuilder("bash", "-c", "bash -c 'sleep 30; true' & wait").start();
        try {
            long outerPid = outer.pid();
            long innerPid = awaitChild(outerPid);

            assertEquals(List.of(outerPid, innerPid), ProcessProbe.family(innerPid));
            assertEquals(List.of(outerPid, innerPid), ProcessProbe.family(outerPid));
            assertEquals(List.of(ProcessHandle.current().pid()), ProcessProbe.family(ProcessHandle.current().pid()));
        } finally {
            outer.descendants().forEach(ProcessHandle::destroy);
            outer.destroy();
        }
    }

    private static long awaitChild(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            var child = ProcessHandle.of(pid).orElseThrow().children()
                    .filter(handle -> ProcessProbe.command(handle.pid()).orElse("").equals("bash")).findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("bash started no child bash");
    }
}
