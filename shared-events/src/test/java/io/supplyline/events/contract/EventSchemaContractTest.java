package io.supplyline.events.contract;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supplyline.events.EventType;

/**
 * The schemas in docs/contract/events are exactly what the event records generate. A compatible
 * difference fails until the files are regenerated ({@link ContractFiles#REGENERATE}); an incompatible one
 * fails even then, unless the event's revision was raised, which writes a new file beside the old one.
 */
class EventSchemaContractTest {

    private static final String EVENTS = "events/";
    private static final Pattern SCHEMA_FILE = Pattern.compile("(.+)\\.v(\\d+)\\.schema\\.json");

    private final ContractFiles files = ContractFiles.committed();
    private final EventSchemaGenerator generator = new EventSchemaGenerator();

    @Test
    void theCommittedSchemasAreTheOnesTheEventRecordsGenerate() {
        List<String> problems = new ArrayList<>();
        for (Class<? extends Record> event : described()) {
            check(EventType.of(event), generator.schemaOf(event), problems);
        }
        problems.addAll(strayFiles());
        if (!problems.isEmpty()) {
            fail("The event contract in docs/contract/events does not match the event records:\n- "
                    + String.join("\n- ", problems));
        }
    }

    /** The current events and the retired revisions. */
    static List<Class<? extends Record>> described() {
        return Stream.concat(EventCatalog.EVENTS.stream(), RetiredRevisions.RECORDS.stream()).toList();
    }

    private void check(EventType type, ObjectNode schema, List<String> problems) {
        String path = EVENTS + type.schemaFileName();
        String text = ContractJson.write(schema);
        Optional<String> committed = files.read(path);
        if (committed.isPresent() && committed.get().equals(text)) {
            return;
        }
        if (committed.isPresent()) {
            List<String> breaking = SchemaCompatibility.breakingChanges(ContractJson.read(committed.get()), schema);
            if (!breaking.isEmpty()) {
                problems.add(type + " changed incompatibly with its published schema " + path + ":\n    "
                        + String.join("\n    ", breaking) + "\n  Events of revision " + type.revision()
                        + " are on the topic for good: keep their shape, or raise @EventRevision to "
                        + (type.revision() + 1) + " and add an upcaster from " + type.revision()
                        + " (docs/contract/README.md). The update flag does not override this.");
                return;
            }
        }
        if (ContractFiles.UPDATE) {
            files.write(path, text);
            return;
        }
        problems.add(type + (committed.isPresent()
                ? ": the generated schema differs from " + path + " (compatibly)"
                : ": there is no " + path + " yet") + "; regenerate with " + ContractFiles.REGENERATE);
    }

    /** Files no event describes. An older revision's file stays: its events are still on the topic. */
    private List<String> strayFiles() {
        Map<String, Integer> current = EventCatalog.EVENTS.stream().map(EventType::of)
                .collect(Collectors.toMap(EventType::name, EventType::revision));
        Set<String> described = described().stream().map(type -> EventType.of(type).schemaFileName())
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String file : files.list(EVENTS)) {
            Matcher name = SCHEMA_FILE.matcher(file);
            if (described.contains(file)) {
                continue;
            }
            if (!name.matches() || !current.containsKey(name.group(1))) {
                problems.add(EVENTS + file + " names no event of the catalog: an event's name never changes once"
                        + " published (keep the file; if the event is gone, keep its record in RetiredRevisions)");
            } else if (Integer.parseInt(name.group(2)) > current.get(name.group(1))) {
                problems.add(EVENTS + file + " is of a later revision than " + name.group(1) + "'s current "
                        + current.get(name.group(1)) + ": a revision is never lowered");
            }
        }
        return problems;
    }

    static Map<String, Class<? extends Record>> byTypeName() {
        return described().stream().collect(Collectors.toMap(type -> EventType.of(type).typeName(), Function.identity()));
    }
}
