package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every read model recomputed from the event store, beside what the query database holds, as
 * {@code "read model: key" -> "field=value ..."}: equal maps mean equal read models, and a
 * difference names the read model and the row.
 */
public final class ReadModelRecomputation {

    private static final Map<String, Supplier<Recomputation>> READ_MODELS = Map.of(
            "boards", BoardsRecomputation::new,
            "supplier-performance", SupplierPerformanceRecomputation::new,
            "overview", OverviewRecomputation::new,
            "alerts", AlertRecomputation::new);

    /** @param storedEvents how many events the store held when read */
    public record Comparison(Map<String, String> expected, Map<String, String> actual, int storedEvents) {

        public boolean equal() {
            return expected.equals(actual);
        }

        /** How many rows each read model was compared on, e.g. {@code {alerts=12, boards=950, ...}}. */
        public Map<String, Long> rowsPerReadModel() {
            return expected.keySet().stream().collect(Collectors.groupingBy(
                    key -> key.substring(0, key.indexOf(": ")), TreeMap::new, Collectors.counting()));
        }
    }

    private ReadModelRecomputation() {
    }

    public static Comparison compare(Connection eventStore, Connection readModels) throws SQLException {
        List<StoredEvent> events = StoredEvent.readAll(eventStore);
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, Supplier<Recomputation>> readModel : READ_MODELS.entrySet()) {
            Recomputation recomputation = readModel.getValue().get();
            events.forEach(recomputation::apply);
            String prefix = readModel.getKey() + ": ";
            recomputation.expected().forEach((key, row) -> expected.put(prefix + key, row));
            recomputation.actual(readModels).forEach((key, row) -> actual.put(prefix + key, row));
        }
        return new Comparison(expected, actual, events.size());
    }
}
