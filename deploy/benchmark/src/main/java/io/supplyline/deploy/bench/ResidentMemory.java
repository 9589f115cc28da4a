package io.supplyline.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The resident memory (VmRSS) of each service process, sampled twice a second while the load
 * runs; it keeps the peak. Processes are found by a piece of their command line, such as
 * {@code -Dquarkus.http.port=18080}.
 */
final class ResidentMemory implements AutoCloseable {

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> peakBytes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ResidentMemory(Map<String, String> commandLineMarkers) throws IOException {
        for (Map.Entry<String, String> service : commandLineMarkers.entrySet()) {
            pids.put(service.getKey(), findPid(service.getValue())
                    .orElseThrow(() -> new IllegalStateException("No process of " + service.getKey()
                            + " with '" + service.getValue() + "' in its command line")));
        }
        sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        pids.forEach((service, pid) -> rss(pid).ifPresent(bytes -> peakBytes.merge(service, bytes, Math::max)));
    }

    /** The process of {@code service}, found by its command line when sampling began. */
    long pid(String service) {
        return pids.get(service);
    }

    /** Peak resident megabytes per service so far. */
    Map<String, Long> peakMegabytes() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        pids.keySet().forEach(service -> peaks.put(service, peakBytes.getOrDefault(service, 0L) / (1024 * 1024)));
        return peaks;
    }

    private static Optional<Long> findPid(String marker) throws IOException {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> Long.parseLong(dir.getFileName().toString()) != self)
                    .filter(dir -> commandLine(dir).contains(marker))
                    .map(dir -> Long.parseLong(dir.getFileName().toString()))
                    .findFirst();
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static Optional<Long> rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
