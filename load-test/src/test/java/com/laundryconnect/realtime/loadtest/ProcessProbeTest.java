package com.laundryconnect.realtime.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
