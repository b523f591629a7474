package com.laundryconnect.realtime.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Linux and the JDK tell about a process of this machine: its pid from the port it listens on
 * ({@code ss -ltnp}, else /proc/net/tcp and the fd tables), RSS and open files from /proc, CPU time from
 * /proc/PID/stat, and heap occupancy from {@code jcmd PID GC.heap_info} (after {@code GC.run} for a reading after a
 * full collection).
 */
final class ProcessProbe {

    private static final Pattern SS_PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern HEAP_USED = Pattern.compile(
            "heap\\s+total(?: reserved)? (\\d+)K, committed (\\d+)K, used (\\d+)K");
    private static final Pattern HEAP_USED_FALLBACK = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    private ProcessProbe() {
    }

    /** Heap of a JVM: committed and used, in KiB. */
    record Heap(long committedKb, long usedKb) {
    }

    /** A process's resident set now and at its peak, in KiB. */
    record Memory(long rssKb, long peakRssKb) {
    }

    static OptionalLong pidListeningOn(int port) {
        OptionalLong fromSs = pidFromSs(port);
        return fromSs.isPresent() ? fromSs : pidFromProc(port);
    }

    private static OptionalLong pidFromSs(int port) {
        Optional<String> output = run(List.of("ss", "-Hltnp", "sport = :" + port));
        if (output.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher matcher = SS_PID.matcher(output.get());
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** Without ss: the inode of the listening socket in /proc/net/tcp{,6}, then the process holding it. */
    private static OptionalLong pidFromProc(int port) {
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[3].equals("0A") && fields[1].contains(":")
                            && Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // table missing or unreadable: try the next
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // fd closed meanwhile
                        }
                    }
                } catch (IOException e) {
                    // process gone or not ours
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    static Optional<Memory> memory(long pid) {
        try {
            long rss = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kibibytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kibibytes(line);
                }
            }
            return rss < 0 ? Optional.empty() : Optional.of(new Memory(rss, peak));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static long openFiles(long pid) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long threads(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User plus system CPU time of a process, in milliseconds; -1 when it is gone. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": field 3 is state (index 0), utime is field 14 (index 11), stime field 15 (index 12)
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The process and its relatives of the same command name: from the topmost ancestor with that name down to every
     * descendant with it. For nginx, whose workers hold the listening socket as well as the master, that is the
     * master and all its workers; for a JVM, just the process itself.
     */
    static List<Long> family(long pid) {
        Optional<String> command = command(pid);
        if (command.isEmpty()) {
            return List.of(pid);
        }
        long root = pid;
        for (long parent = parent(root); parent > 1 && command(parent).equals(command); parent = parent(parent)) {
            root = parent;
        }
        List<Long> family = new ArrayList<>(List.of(root));
        for (int i = 0; i < family.size(); i++) {
            for (long child : children(family.get(i))) {
                if (command(child).equals(command)) {
                    family.add(child);
                }
            }
        }
        return List.copyOf(family);
    }

    static Optional<String> command(long pid) {
        try {
            return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The parent's pid, from /proc/PID/stat; -1 when the process is gone. */
    static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long candidate = Long.parseLong(process.getFileName().toString());
                if (parent(candidate) == pid) {
                    children.add(candidate);
                }
            }
        } catch (IOException e) {
            return children;
        }
        return children;
    }

    /** Total CPU milliseconds of every process whose command name is {@code comm} (e.g. all postgres backends). */
    static long cpuMillisOfAll(String comm) {
        long total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals(comm)) {
                        long millis = cpuMillis(Long.parseLong(process.getFileName().toString()));
                        if (millis > 0) {
                            total += millis;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** Machine-wide: busy and total jiffies from the first line of /proc/stat. */
    static long[] systemCpuJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Heap after two full collections ({@code jcmd GC.run}), i.e. what is really retained. */
    static Optional<Heap> heapAfterFullGc(long pid) {
        run(List.of(jcmd(), Long.toString(pid), "GC.run"));
        sleepQuietly(500);
        run(List.of(jcmd(), Long.toString(pid), "GC.run"));
        sleepQuietly(500);
        return heap(pid);
    }

    static Optional<Heap> heap(long pid) {
        return run(List.of(jcmd(), Long.toString(pid), "GC.heap_info")).flatMap(ProcessProbe::parseHeapInfo);
    }

    static Optional<Heap> parseHeapInfo(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        if (matcher.find()) {
            return Optional.of(new Heap(Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3))));
        }
        Matcher fallback = HEAP_USED_FALLBACK.matcher(heapInfo);
        if (fallback.find()) {
            return Optional.of(new Heap(Long.parseLong(fallback.group(1)), Long.parseLong(fallback.group(2))));
        }
        return Optional.empty();
    }

    /** The first lines of the class histogram (which itself runs a full collection). */
    static List<String> classHistogram(long pid, int lines) {
        return run(List.of(jcmd(), Long.toString(pid), "GC.class_histogram"))
                .map(text -> text.lines().limit(lines + 3L).toList())
                .orElse(List.of());
    }

    static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(new String(output, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }
}
