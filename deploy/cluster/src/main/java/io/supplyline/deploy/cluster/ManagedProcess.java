package io.supplyline.deploy.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the local cluster with a name, a log file it appends to, and a readiness
 * check. Stop is SIGTERM (the graceful way, SIGKILL after 30 s); kill is SIGKILL (no goodbye).
 */
public abstract class ManagedProcess {


    private final String name;
    private final Path logFile;
    private Process process;
    /** Where the log stood when the process was last started: readiness looks at what came after. */
    private long readyFrom;

    protected ManagedProcess(String name, Path logDirectory) {
        this.name = name;
        this.logFile = logDirectory.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The command line, fresh at each start. */
    protected abstract List<String> command();

    protected abstract Map<String, String> environment();

    /** True once the started process serves; called until it is, or the process dies. */
    protected abstract boolean ready(long logOffsetAtStart) throws IOException;

    /** Starts the process without waiting for it to be ready. */
    public void launch() {
        try {
            Files.createDirectories(logFile.getParent());
            long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment());
            process = builder.start();
            readyFrom = offset;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name, e);
        }
    }

    /** Waits until the process is ready, or fails when it dies or the time is up. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (ready(readyFrom)) {
                    return;
                }
            } catch (IOException e) {
                // not serving yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
            }
            sleep(200);
        }
    }

    public void start(Duration timeout) {
        launch();
        awaitReady(timeout);
    }

    /** How long a stop waits for the process to end by itself before it kills it. */
    protected Duration stopGrace() {
        return Duration.ofSeconds(30);
    }

    /** SIGTERM and wait: in-flight work completes, claims are released, buffers flushed. */
    public void stop() {
        if (isAlive()) {
            process.destroy();
            waitFor(stopGrace());
        }
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() {
        if (isAlive()) {
            process.destroyForcibly();
            waitFor(stopGrace());
        }
    }

    private void waitFor(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
