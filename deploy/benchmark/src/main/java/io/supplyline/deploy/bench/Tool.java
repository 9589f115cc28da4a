package io.supplyline.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a baseline tool as its own process and hands back what it printed. */
final class Tool {

    private Tool() {
    }

    /** A Java tool's main class on this program's own class path. */
    static String java(String mainClass, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return run(command, Map.of());
    }

    static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(5, command.size())))
                    + " failed:\n" + output);
        }
        return output;
    }
}
