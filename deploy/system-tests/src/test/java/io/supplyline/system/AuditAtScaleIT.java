package io.supplyline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail at scale: {@code supplyline.audit.events} events (5,000 by default; 1,000,000 to
 * measure) stored straight into the event store with their hash chains, as the service would have
 * appended them, then verified and exported while the command side's heap (-Xmx256m) is sampled.
 * Prints the figures; asserts that every event is verified and exported.
 */
class AuditAtScaleIT {

    private static final int EVENTS = Integer.getInteger("supplyline.audit.events", 5_000);
    private static final int EVENTS_PER_ITEM = 10;
    private static SupplylineSystem system;

    @BeforeAll
    static void start() {
        system = new SupplylineSystem();
        system.startCommandSide();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void verificationAndExportCoverEveryEventWithoutTheHeapGrowingWithTheCount() throws Exception {
        long stored = System.nanoTime();
        storeChainedEvents(EVENTS);
        System.out.printf("Stored %,d chained events in %.1f s%n", EVENTS, (System.nanoTime() - stored) / 1e9);

        HttpResponse<String> verification = auditor(HttpResponse.BodyHandlers.ofString(), "/audit/verify");
        System.out.println("Verify: " + verification.body().substring(0, Math.min(200, verification.body().length())));
        assertThat(verification.body()).contains("\"intact\":true", "\"eventsChecked\":" + EVENTS + ",");

        for (String format : new String[] {"jsonl", "csv"}) {
            HeapSampler heap = new HeapSampler(system.commandSide.pid());
            long started = System.nanoTime();
            long lines = 0;
            long bytes = 0;
            heap.start();
            HttpResponse<java.io.InputStream> export = auditor(HttpResponse.BodyHandlers.ofInputStream(),
                    "/audit/export?format=" + format);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    bytes += line.length() + 1;
                }
            }
            heap.stop();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Export %s: %,d lines, %,d MB in %.1f s (%,.0f events/s); command-side heap used:"
                            + " before %d MB, at most %d MB while exporting (-Xmx256m)%n", format, lines, bytes >> 20,
                    seconds, EVENTS / seconds, heap.before() >> 20, heap.max() >> 20);
            assertThat(lines).isEqualTo(format.equals("csv") ? EVENTS + 1 : EVENTS);
        }
    }

    /** Stock receipts of EVENTS / 10 items, ten each, chained by the documented hash: the service must find them intact. */
    private static void storeChainedEvents(int count) throws SQLException {
        try (Connection connection = system.commandDatabase()) {
            connection.setAutoCommit(false);
            try (PreparedStatement event = connection.prepareStatement("INSERT INTO domainevententry (eventidentifier,"
                    + " aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata)"
                    + " VALUES (?, ?, ?, 'StockItem', ?, 'io.supplyline.events.inventory.StockReceived', '1', ?, ?)");
                 PreparedStatement audit = connection.prepareStatement("INSERT INTO event_audit (event_id, aggregate_id,"
                         + " sequence_number, event_type, occurred_at, principal, correlation_id, command_name,"
                         + " previous_hash, hash) VALUES (?, ?, ?, 'StockReceived', ?, 'scale-test', ?, 'ReceiveStock', ?, ?)")) {
                Instant start = Instant.parse("2026-01-01T00:00:00Z");
                String previousHash = DocumentedEventHash.GENESIS;
                for (int i = 0; i < count; i++) {
                    String sku = "SCALE-" + (i / EVENTS_PER_ITEM);
                    String aggregateId = "stock:SCALE-W:" + sku;
                    long sequence = i % EVENTS_PER_ITEM;
                    if (sequence == 0) {
                        previousHash = DocumentedEventHash.GENESIS;
                    }
                    String eventId = UUID.randomUUID().toString();
                    String correlationId = UUID.randomUUID().toString();
                    Instant at = start.plusMillis(i);
                    byte[] payload = ("{\"stockItemId\":{\"warehouse\":\"SCALE-W\",\"sku\":\"" + sku + "\"},\"quantity\":"
                            + (1 + i % 50) + ",\"reference\":\"DN-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
                    byte[] metadata = ("{\"principal\":\"scale-test\",\"causationId\":\"" + eventId
                            + "\",\"commandName\":\"ReceiveStock\",\"correlationId\":\"" + correlationId + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    String hash = DocumentedEventHash.of(previousHash, aggregateId, sequence, eventId,
                            "io.supplyline.events.inventory.StockReceived", "1", at, payload, metadata);
                    event.setString(1, eventId);
                    event.setString(2, aggregateId);
                    event.setLong(3, sequence);
                    event.setString(4, at.toString());
                    event.setBytes(5, payload);
                    event.setBytes(6, metadata);
                    event.addBatch();
                    audit.setString(1, eventId);
                    audit.setString(2, aggregateId);
                    audit.setLong(3, sequence);
                    audit.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    audit.setString(5, correlationId);
                    audit.setString(6, previousHash);
                    audit.setString(7, hash);
                    audit.addBatch();
                    previousHash = hash;
                    if ((i + 1) % 2_000 == 0 || i == count - 1) {
                        event.executeBatch();
                        audit.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    private static <T> HttpResponse<T> auditor(HttpResponse.BodyHandler<T> body, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.commandSide.url() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes()))
                .build();
        HttpResponse<T> response = HttpClient.newHttpClient().send(request, body);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    /** Samples a JVM's used heap with {@code jcmd GC.heap_info} every 200 ms. */
    private static final class HeapSampler {

        private static final Pattern USED = Pattern.compile("used (\\d+)K");
        private final long pid;
        private final AtomicLong max = new AtomicLong();
        private long before;
        private volatile boolean running;
        private Thread thread;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() throws IOException, InterruptedException {
            jcmd("GC.run");
            before = usedBytes();
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    try {
                        max.accumulateAndGet(usedBytes(), Math::max);
                        Thread.sleep(200);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long before() {
            return before;
        }

        long max() {
            return max.get();
        }

        private long usedBytes() throws IOException, InterruptedException {
            Matcher used = USED.matcher(jcmd("GC.heap_info"));
            return used.find() ? Long.parseLong(used.group(1)) * 1024 : 0;
        }

        private String jcmd(String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return output;
        }
    }
}
