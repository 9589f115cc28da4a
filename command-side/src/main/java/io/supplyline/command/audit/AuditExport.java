package io.supplyline.command.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes events as they come from the store's cursor, one line each: JSON Lines (the same fields as
 * the history) or CSV (the payload as one JSON column). Nothing is collected, so memory stays flat.
 */
final class AuditExport {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    static final List<String> CSV_COLUMNS = List.of("globalIndex", "aggregateId", "aggregateType", "sequence", "eventId",
            "type", "revision", "timestamp", "principal", "correlationId", "causationId", "commandName",
            "idempotencyKey", "previousHash", "hash", "payload");

    private final AuditLog log;
    private final ObjectMapper json;

    AuditExport(AuditLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    void jsonLines(AuditQuery query, OutputStream out) {
        write(query, out, (event, writer) -> {
            writer.write(json.writeValueAsString(event));
            writer.write('\n');
        }, null);
    }

    void csv(AuditQuery query, OutputStream out) {
        write(query, out, (event, writer) -> {
            writer.write(Stream.of(event.globalIndex(), event.aggregateId(), event.aggregateType(), event.sequence(),
                            event.eventId(), event.type(), event.revision(), event.timestamp(), event.principal(),
                            event.correlationId(), event.causationId(), event.commandName(), event.idempotencyKey(),
                            event.previousHash(), event.hash(), event.payload())
                    .map(AuditExport::csvField).collect(Collectors.joining(",")));
            writer.write("\r\n");
        }, String.join(",", CSV_COLUMNS) + "\r\n");
    }

    private interface Line {
        void write(AuditedEvent event, Writer writer) throws IOException;
    }

    private void write(AuditQuery query, OutputStream out, Line line, String header) {
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024)) {
            if (header != null) {
                writer.write(header);
            }
            log.forEach(query, event -> {
                try {
                    line.write(event, writer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; null is empty.
     * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return: a
     * principal or reference someone chose) gets a leading apostrophe, so it opens as text.
     */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
