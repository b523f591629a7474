package com.laundryconnect.realtime.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the machine is and how busy it is, for the report. */
final class Machine {

    private Machine() {
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static List<String> describe() {
        return List.of(
                "nproc: " + Runtime.getRuntime().availableProcessors(),
                "cpu: " + cpuModel(),
                "memory: " + meminfo("MemTotal") + " total, " + meminfo("MemAvailable") + " available",
                "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "java: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version")
                        + " (" + System.getProperty("java.home") + ")",
                "open files limit (this process): " + openFilesLimit(),
                "load average (1/5/15 min): " + loadAverage());
    }

    static String openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.replace("Max open files", "").trim().replaceAll("\\s+", " "))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String meminfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith(key + ":"))
                    .map(line -> {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        return "%.1f GiB".formatted(kb / 1024.0 / 1024.0);
                    })
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
