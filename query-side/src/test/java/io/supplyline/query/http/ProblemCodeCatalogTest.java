package io.supplyline.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.supplyline.support.http.DatabaseOutage;

/**
 * The problem codes the OpenAPI document lists ({@link ProblemCode}) are the ones the code answers:
 * a new refusal's code that is not in the catalogue fails here. Reads the sources, so it sees codes
 * written where the problem is made (a {@link Refusal}, a mapper's answer), not ones passed on in a
 * variable.
 */
class ProblemCodeCatalogTest {

    /** This service's sources, and service-support's, whose mappers answer in both services. */
    private static final List<Path> SOURCES =
            List.of(Path.of("src/main/java"), Path.of("../service-support/src/main/java"));
    private static final Pattern MADE =
            Pattern.compile("(?:new Refusal|Problems?\\.(?:response|of))\\((\\d{3}), \"([A-Z_]+)\"");

    @Test
    void everyCodeTheCodeAnswersIsInTheCatalogueWithItsStatus() {
        Map<String, Integer> made = codesInSources();
        Map<String, Integer> catalogued = new TreeMap<>();
        made.keySet().forEach(code -> catalogued.put(code, Arrays.stream(ProblemCode.values())
                .filter(known -> known.name().equals(code)).map(ProblemCode::status).findFirst().orElse(null)));
        assertThat(catalogued).as("codes in the sources, with their status in ProblemCode").isEqualTo(made);
    }

    @Test
    void everyCatalogueCodeIsMadeSomewhere() {
        Set<String> made = codesInSources().keySet();
        for (ProblemCode code : ProblemCode.values()) {
            boolean statusName = Arrays.stream(Response.Status.values())
                    .anyMatch(status -> status.name().equals(code.name()) && status.getStatusCode() == code.status());
            assertThat(made.contains(code.name()) || statusName || code.name().equals(DatabaseOutage.CODE))
                    .as("%s is made by a refusal or a mapper, as its status's name, or DatabaseOutage's", code)
                    .isTrue();
        }
    }

    private static Map<String, Integer> codesInSources() {
        Map<String, Integer> codes = new TreeMap<>();
        try (Stream<Path> files = walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher found = MADE.matcher(read(file));
                while (found.find()) {
                    codes.put(found.group(2), Integer.valueOf(found.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    private static Stream<Path> walk(List<Path> roots) throws IOException {
        Stream<Path> all = Stream.empty();
        for (Path root : roots) {
            all = Stream.concat(all, Files.walk(root));
        }
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
