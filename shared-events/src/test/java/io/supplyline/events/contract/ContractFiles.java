package io.supplyline.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The committed contract, {@code docs/contract}: read by the contract tests and rewritten by them when
 * the build runs with {@code -Dcontract.update=true}.
 */
final class ContractFiles {

    static final boolean UPDATE = Boolean.getBoolean("contract.update");
    static final String REGENERATE = "./mvnw -pl shared-events verify -Dcontract.update=true";

    private final Path root;

    private ContractFiles(Path root) {
        this.root = root;
    }

    /** Where the build says (surefire's contract.dir), else relative to the module when a test runs in an IDE. */
    static ContractFiles committed() {
        return new ContractFiles(Path.of(System.getProperty("contract.dir", "../docs/contract")));
    }

    /** The file's text with "\n" line ends (a checkout may turn them into "\r\n"), or empty if there is none. */
    Optional<String> read(String relative) {
        Path file = root.resolve(relative);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a directory of the contract, sorted. */
    List<String> list(String directory) {
        Path folder = root.resolve(directory);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
