package io.supplyline.command.http;

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
 * a new rule's code that is not in the catalogue fails here. Reads the sources, so it sees codes
 * written where the problem is made (a rule's exception, a mapper's answer), not ones passed on in a
 * variable.
 */
class ProblemCodeCatalogTest {

    /** This service's sources, and service-support's, whose mappers answer in both services. */
    private static final List<Path> SOURCES =
            List.of(Path.of("src/main/java"), Path.of("../service-support/src/main/java"));
    /** The inbound feeds refuse records onto a Kafka topic, not in HTTP answers. */
    private static final String FEEDS = "/feeds/";
    private static final Pattern MADE = Pattern.compile(
            "new (BusinessRuleViolation|UnknownReference|DuplicateRegistration)\\(\"([A-Z_]+)\""
                    + "|Problems?\\.(?:response|of)\\((\\d{3}), \"([A-Z_]+)\"");
    private static final Map<String, Integer> STATUS_OF_EXCEPTION =
            Map.of("BusinessRuleViolation", 422, "UnknownReference", 404, "DuplicateRegistration", 409);

    /** Codes no HTTP caller can get: a constraint on the request refuses first, or only a process sends the command. */
    private static final Set<String> NOT_OVER_HTTP = Set.of(
            "INVALID_REORDER_POLICY", "INVALID_LEAD_TIME", "NO_LINES",
            "RESERVATION_EXISTS", "UNKNOWN_RESERVATION",
            "ORDER_ALREADY_ALLOCATED", "ORDER_NOT_PLACED", "ORDER_ALREADY_DELIVERED", "ORDER_NOT_SHIPPED",
            // answered to a client that has hung up: nobody reads it
            "CLIENT_GONE");

    /** Codes made where the pattern does not see them: in VersionMismatch's constructor, passed to a helper. */
    private static final Set<String> MADE_ELSEWHERE = Set.of("VERSION_MISMATCH", "ORDER_ALREADY_CANCELLED");

    @Test
    void everyCodeTheCodeAnswersIsInTheCatalogueWithItsStatus() {
        Map<String, Integer> made = codesInSources();
        made.keySet().removeAll(NOT_OVER_HTTP);
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
            assertThat(made.contains(code.name()) || MADE_ELSEWHERE.contains(code.name()) || statusName
                    || code.name().equals(DatabaseOutage.CODE))
                    .as("%s is made by a rule or a mapper, as its status's name, or DatabaseOutage's", code)
                    .isTrue();
        }
    }

    private static Map<String, Integer> codesInSources() {
        Map<String, Integer> codes = new TreeMap<>();
        Matcher found = MADE.matcher(allSources());
        while (found.find()) {
            if (found.group(1) != null) {
                codes.put(found.group(2), STATUS_OF_EXCEPTION.get(found.group(1)));
            } else {
                codes.put(found.group(4), Integer.valueOf(found.group(3)));
            }
        }
        return codes;
    }

    private static String allSources() {
        try (Stream<Path> files = walk(SOURCES)) {
            StringBuilder all = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().replace('\\', '/').contains(FEEDS))
                    .forEach(file -> all.append(read(file)).append('\n'));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
