package io.supplyline.system.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster on port 5432, stopped and started as an operator would, with
 * Debian's pg_ctlcluster (as root, or through sudo without a password).
 */
final class PostgresServer {

    private final String version;
    private final String name;

    private PostgresServer(String version, String name) {
        this.version = version;
        this.name = name;
    }

    static PostgresServer onPort5432() {
        for (String line : run(List.of("pg_lsclusters", "--no-header")).split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[2].equals("5432")) {
                return new PostgresServer(columns[0], columns[1]);
            }
        }
        throw new IllegalStateException("No PostgreSQL cluster on port 5432 (pg_lsclusters)");
    }

    /** Fast shutdown: open sessions are cut, as in a crash of the server process, but the data is kept. */
    void stop() {
        run(asRoot("pg_ctlcluster", version, name, "stop", "-m", "fast"));
    }

    void start() {
        run(asRoot("pg_ctlcluster", version, name, "start"));
    }

    private static List<String> asRoot(String... command) {
        List<String> line = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("sudo", "-n"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (the PostgreSQL fault needs root or"
                        + " passwordless sudo): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
