package io.supplyline.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code deploy/*.sh} answers {@code --help} and {@code -h} with its usage before it does anything.
 * The script runs as a user would start it, but with a PATH that holds only bash and the text tools a usage
 * needs (no JDK, Maven, psql, apt-get, sudo, mkdir, find...), in an empty folder, with HOME and the data
 * folders the scripts honour pointing into empty folders: a script that starts any work before it prints its
 * usage fails on a missing command or leaves a file behind, and either way this test fails.
 */
class ScriptHelpTest {

    /** What a usage may need: the shell itself and text tools that print. */
    private static final List<String> ALLOWED_COMMANDS = List.of("bash", "awk", "sed", "cat", "head");

    /** The folders the scripts write to, by the variables that move them. */
    private static final List<String> DATA_VARIABLES =
            List.of("SUPPLYLINE_DATA_DIR", "SUPPLYLINE_BENCH_DIR", "SUPPLYLINE_CLUSTER_DIR");

    /** The body of a stand-in script's usage, for the test of this test. */
    private static final String PRINT_USAGE = "echo 'Usage: x'; echo '  -h, --help'; echo 'Environment: none'\n";

    @TempDir
    Path sandbox;

    static Stream<Arguments> scriptsAndFlags() throws IOException {
        try (Stream<Path> files = Files.list(Repo.ROOT.resolve("deploy"))) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().endsWith(".sh")).sorted().toList();
            assertThat(scripts).as("deploy/*.sh").isNotEmpty();
            return scripts.stream().flatMap(script -> Stream.of(Arguments.of(script, "--help"), Arguments.of(script, "-h")));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scriptsAndFlags")
    void answersHelpWithUsageBeforeAnySideEffect(Path script, String flag) throws Exception {
        String name = Repo.ROOT.relativize(script).toString();
        Map<Path, Long> repoBefore = repositoryFiles();

        HelpRun run = runInSandbox(script, flag);

        assertThat(run.sideEffects()).as(name + " " + flag + " left files behind").isEmpty();
        assertThat(run.stderr()).as(name + " " + flag + " on stderr").isEmpty();
        assertThat(run.exitCode()).as(name + " " + flag + " exit code (stdout: %s)", run.stdout()).isZero();
        assertThat(run.stdout()).as(name + " " + flag)
                .startsWith("Usage: " + name)
                .contains("-h, --help")
                .contains("Environment");
        assertThat(repositoryFiles()).as("files of the repository after " + name + " " + flag).isEqualTo(repoBefore);
    }

    @Test
    void aScriptThatStartsWorkBeforeItsUsageIsCaught() throws Exception {
        Path startsJava = script("starts-java.sh", "java -version\n" + PRINT_USAGE);
        Path writesAFile = script("writes-a-file.sh", "echo started > \"$SUPPLYLINE_DATA_DIR.log\"\n" + PRINT_USAGE);
        Path writesHome = script("writes-home.sh", "echo started > \"$HOME/.started\"\n" + PRINT_USAGE);

        assertThat(runInSandbox(startsJava, "--help").exitCode()).isNotZero();
        assertThat(runInSandbox(writesAFile, "--help").sideEffects()).isNotEmpty();
        assertThat(runInSandbox(writesHome, "--help").sideEffects()).isNotEmpty();
    }

    private record HelpRun(int exitCode, String stdout, String stderr, List<String> sideEffects) {
    }

    private HelpRun runInSandbox(Path script, String flag) throws Exception {
        Path bin = Files.createDirectories(sandbox.resolve("bin"));
        for (String command : ALLOWED_COMMANDS) {
            Path link = bin.resolve(command);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, onPath(command));
            }
        }
        Path work = Files.createDirectories(sandbox.resolve("work"));
        Path home = Files.createDirectories(sandbox.resolve("home"));
        Path data = Files.createDirectories(sandbox.resolve("data"));

        ProcessBuilder builder = new ProcessBuilder(script.toString(), flag).directory(work.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", bin.toString());
        environment.put("HOME", home.toString());
        environment.put("LANG", "C");
        for (String variable : DATA_VARIABLES) {
            environment.put(variable, data.resolve(variable).toString());
        }
        Path stdout = sandbox.resolve("stdout");
        Path stderr = sandbox.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        // Printing a usage takes milliseconds; a script that is building or starting something does not stop soon.
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            return new HelpRun(-1, read(stdout), read(stderr), List.of("still running after 10 s"));
        }
        List<String> sideEffects = new ArrayList<>();
        for (Path folder : List.of(work, home, data)) {
            sideEffects.addAll(contents(folder));
        }
        try (Stream<Path> left = Files.list(sandbox)) {
            left.filter(p -> !List.of(bin, work, home, data, stdout, stderr, sandbox.resolve("fixtures")).contains(p))
                    .forEach(p -> sideEffects.add(p.toString()));
        }
        HelpRun run = new HelpRun(process.exitValue(), read(stdout), read(stderr), sideEffects);
        for (Path folder : List.of(work, home, data)) {
            clear(folder);
        }
        return run;
    }

    private Path script(String name, String body) throws IOException {
        Path script = Files.createDirectories(sandbox.resolve("fixtures")).resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\nset -euo pipefail\n" + body);
        script.toFile().setExecutable(true);
        return script;
    }

    /** Every file of the repository outside build output, Git and the local runs' data, with its modification time. */
    private static Map<Path, Long> repositoryFiles() throws IOException {
        Map<Path, Long> files = new TreeMap<>();
        Files.walkFileTree(Repo.ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                boolean skipped = !dir.equals(Repo.ROOT) && (name.equals("target") || name.equals(".git")
                        || name.startsWith(".supplyline-") || name.equals("bench-results"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                files.put(Repo.ROOT.relativize(file), attributes.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(command + " is not on the PATH");
    }

    private static List<String> contents(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder)).map(Path::toString).toList();
        }
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
