package io.supplyline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.cluster.ServiceProcess;
import io.supplyline.deploy.generator.DayOptions;
import io.supplyline.deploy.generator.DayReport;
import io.supplyline.deploy.generator.RealisticDay;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;
import io.supplyline.events.contract.EventSchemas;
import io.supplyline.system.reconciliation.ReadModelRecomputation;
import io.supplyline.system.reconciliation.ReadModelRows;

/**
 * End to end through the real stack: HTTP command -> event store (PostgreSQL) -> relay -> Kafka ->
 * projection (PostgreSQL) -> HTTP query, with the services as separate processes, including a
 * broker outage and a query side killed mid-stream.
 */
class SupplylineSystemIT {

    private static SupplylineSystem system;

    @BeforeAll
    static void startSystem() {
        system = new SupplylineSystem();
        system.start();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    private static RequestSpecification operator() {
        return given().baseUri(system.commandSide.url()).auth().basic("operator", "operator")
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return given().baseUri(system.querySide.url()).auth().basic("admin", "admin");
    }

    private static RequestSpecification auditor() {
        return given().baseUri(system.commandSide.url()).auth().basic("auditor", "auditor");
    }

    private static RequestSpecification analyst() {
        return given().baseUri(system.querySide.url()).auth().basic("analyst", "analyst");
    }

    private static void registerWarehouseAndProduct(String warehouse, String sku) {
        operator().body(Map.of("code", warehouse, "name", "DC " + warehouse, "city", "Berlin", "country", "DE"))
                .post("/warehouses").then().statusCode(201);
        operator().body(Map.of("sku", sku, "name", "Item " + sku, "unitOfMeasure", "EA", "reorderPoint", 5,
                "reorderQuantity", 20)).post("/products").then().statusCode(201);
    }

    private static int receive(String warehouse, String sku, int quantity) {
        return operator().body(Map.of("quantity", quantity, "reference", "DN"))
                .post("/stock/{w}/{s}/receipts", warehouse, sku)
                .then().statusCode(200).extract().path("version");
    }

    @Test
    void aCommandBecomesVisibleInTheReadModelAndOnTheTopic() {
        registerWarehouseAndProduct("E2E-1", "E2E-SKU");
        int afterReceipt = receive("E2E-1", "E2E-SKU", 12);
        int afterAdjustment = operator().body(Map.of("delta", -9, "reason", "CYCLE_COUNT"))
                .post("/stock/E2E-1/E2E-SKU/adjustments")
                .then().statusCode(200).extract().path("version");
        assertThat(afterAdjustment).isEqualTo(afterReceipt + 1);

        analyst().get("/stock-levels/E2E-1/E2E-SKU?minVersion=" + afterAdjustment)
                .then().statusCode(200)
                .body("onHand", equalTo(3))
                .body("available", equalTo(3))
                .body("status", equalTo("LOW"))
                .body("version", equalTo(afterAdjustment));

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(system.bootstrapServers(), EventTopic.NAME).stream()
                .filter(r -> "stock:E2E-1:E2E-SKU".equals(r.key())).toList();
        assertThat(records).extracting(r -> header(r, "axon-message-type")).containsExactly(
                "io.supplyline.events.inventory.StockReceived", "io.supplyline.events.inventory.StockAdjusted");
    }

    /** The fulfilment process runs in the command side; what it appends reaches the topic like any event. */
    @Test
    void anOrderIsAllocatedByTheFulfilmentProcessAndEveryStepIsOnTheTopic() {
        registerWarehouseAndProduct("FUL-1", "FUL-SKU");
        receive("FUL-1", "FUL-SKU", 10);
        String order = operator().body(Map.of("customer", "Bauhaus KG", "warehouse", "FUL-1",
                        "requestedDeliveryDate", "2026-12-03", "lines", List.of(Map.of("sku", "FUL-SKU", "quantity", 4))))
                .post("/orders").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(system.bootstrapServers(), EventTopic.NAME);
            assertThat(records).filteredOn(r -> order.equals(r.key())).extracting(r -> header(r, "axon-message-type"))
                    .containsExactly("io.supplyline.events.fulfilment.OrderPlaced",
                            "io.supplyline.events.fulfilment.OrderAllocated");
            assertThat(records).filteredOn(r -> "stock:FUL-1:FUL-SKU".equals(r.key()))
                    .extracting(r -> header(r, "axon-message-type"))
                    .containsExactly("io.supplyline.events.inventory.StockReceived",
                            "io.supplyline.events.inventory.StockReserved");
        });
        analyst().get("/stock-levels/FUL-1/FUL-SKU?minVersion=1").then().statusCode(200)
                .body("onHand", equalTo(10)).body("reserved", equalTo(4)).body("available", equalTo(6));
    }

    /**
     * The packaged service rebuilds every aggregate type as of an instant (the tests' own classpath
     * resolves any handler parameter, so only the packaged service shows that command handlers taking
     * lookups cannot be inspected the default way); and every id works as the command answered it.
     */
    @Test
    void theStateAsOfAnInstantRebuildsEveryAggregateTypeAndIdsWorkAsAnswered() {
        registerWarehouseAndProduct("ASOF-1", "ASOF-SKU");
        operator().body(Map.of("code", "ASOF-SUP", "name", "Acme", "leadTimeDays", 5)).post("/suppliers")
                .then().statusCode(201);
        receive("ASOF-1", "ASOF-SKU", 10);
        String purchaseOrder = operator().body(Map.of("supplier", "ASOF-SUP", "warehouse", "ASOF-1",
                        "expectedDeliveryDate", "2026-12-15", "lines", List.of(Map.of("sku", "ASOF-SKU", "quantity", 5,
                                "unitPrice", Map.of("amount", "1.00", "currency", "EUR")))))
                .post("/purchase-orders").then().statusCode(201).extract().path("id");
        String order = operator().body(Map.of("customer", "Bauhaus KG", "warehouse", "ASOF-1",
                        "requestedDeliveryDate", "2026-12-03", "lines", List.of(Map.of("sku", "ASOF-SKU", "quantity", 4))))
                .post("/orders").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> auditor().get("/audit/aggregates/{id}/events", order)
                .then().extract().body().asString().contains("OrderAllocated"));
        String shipment = operator().body(Map.of("orderId", order, "carrier", "DHL", "trackingNumber", "JD1",
                "promisedDeliveryDate", "2026-12-03")).post("/shipments").then().statusCode(201).extract().path("id");
        operator().body(Map.of("at", "2026-12-01T08:00:00Z")).post("/shipments/{id}/dispatch", shipment)
                .then().statusCode(200);
        Map<String, String> aggregates = Map.of("warehouse:ASOF-1", "Warehouse", "product:ASOF-SKU", "Product",
                "supplier:ASOF-SUP", "Supplier", "stock:ASOF-1:ASOF-SKU", "StockItem", purchaseOrder, "PurchaseOrder",
                order, "SalesOrder", shipment, "Shipment");
        aggregates.forEach((id, type) -> auditor().get("/audit/aggregates/{id}/state", id)
                .then().statusCode(200).body("aggregateType", equalTo(type)).body("aggregateId", equalTo(id)));

        analyst().get("/orders/{id}?minVersion=2", order).then().statusCode(200).body("status", equalTo("SHIPPED"));
        analyst().get("/shipments/{id}?minVersion=1", shipment).then().statusCode(200);
        analyst().get("/purchase-orders/{id}?minVersion=0", purchaseOrder).then().statusCode(200);
        analyst().get("/suppliers/{code}/performance", "supplier:ASOF-SUP").then().statusCode(200);
        analyst().get("/stock-levels/{w}/{s}", "warehouse:ASOF-1", "product:ASOF-SKU").then().statusCode(200)
                .body("onHand", equalTo(6));
    }

    /** The dashboard in headless Chromium shows a command's effect without a reload. */
    @Test
    void theDashboardShowsACommandsEffectLiveWithoutReload() throws Exception {
        registerWarehouseAndProduct("DASH-1", "DASH-SKU");
        try (DashboardBrowser browser = new DashboardBrowser(system.querySide.url(), "analyst", "analyst")) {
            browser.show("#stock?search=DASH-SKU");
            browser.awaitLive();
            browser.mark("first load");
            assertThat(browser.stockRow("DASH-1", "DASH-SKU")).isEmpty();

            receive("DASH-1", "DASH-SKU", 3);
            long accepted = System.nanoTime();
            DashboardBrowser.await(() -> browser.stockRow("DASH-1", "DASH-SKU").size() == 7, Duration.ofSeconds(10));
            long shownMillis = (System.nanoTime() - accepted) / 1_000_000;
            System.out.println("Dashboard showed the receipt " + shownMillis + " ms after the command was accepted");

            assertThat(browser.stockRow("DASH-1", "DASH-SKU")).containsExactly("DASH-1", "DASH-SKU", "3", "0", "3", "0", "LOW");
            assertThat(browser.marker()).as("the page was not reloaded").isEqualTo("first load");
            assertThat(shownMillis).as("command accepted -> visible on the dashboard").isLessThan(1_000);

            // The item's stock over time: its history, then a live point for the next receipt.
            browser.clickStockRow("DASH-1", "DASH-SKU");
            DashboardBrowser.await(() -> "1".equals(browser.attribute("#history", "data-points")), Duration.ofSeconds(5));
            assertThat(browser.text("#history-item")).contains("DASH-SKU", "DASH-1");
            receive("DASH-1", "DASH-SKU", 2);
            DashboardBrowser.await(() -> "2".equals(browser.attribute("#history", "data-points")), Duration.ofSeconds(5));
            assertThat(browser.stockRow("DASH-1", "DASH-SKU")).containsExactly("DASH-1", "DASH-SKU", "5", "0", "5", "0", "LOW");
            assertThat(browser.marker()).as("the page was not reloaded").isEqualTo("first load");
            browser.screenshot(Path.of("target", "dashboard.png"));
        }
    }

    /**
     * After a realistic day (part of it through the inbound feeds), every event on the topic matches the
     * published schema its ce_type names, and the read models hold exactly what the event store says,
     * recomputed independently.
     */
    @Test
    void afterARealisticDayTheReadModelsEqualARecomputationFromTheEventStore() throws Exception {
        DayReport day = new RealisticDay(DayOptions.defaults().withSize(800, 4, 0)
                .against(URI.create(system.commandSide.url()), "")
                .via(DayOptions.Via.KAFKA, system.bootstrapServers())).run();
        assertThat(day.serverErrors()).isEmpty();
        assertThat(day.publishedByFeed()).containsKeys("tracking", "scans", "orders");
        ReadModelRecomputation.Comparison comparison = awaitQuietAndReconciled();
        System.out.println("Reconciled the read models with the event store after " + day.commands() + " commands: "
                + comparison.rowsPerReadModel() + " rows");
        List<ConsumerRecord<String, byte[]>> events = TopicReader.readAll(system.bootstrapServers(), EventTopic.NAME);
        assertThat(events).hasSizeGreaterThan(1_000);
        SoftAssertions contract = new SoftAssertions();
        for (ConsumerRecord<String, byte[]> event : events) {
            String type = new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
            contract.assertThat(EventSchemas.published().violations(type, event.value()))
                    .as("%s at %d/%d", type, event.partition(), event.offset()).isEmpty();
        }
        contract.assertAll();

        // Rebuilt from the topic into fresh tables, every read model holds the same rows as before (the
        // alerts: the same open ones). Should a late process step change the store meanwhile, again.
        Map<String, List<String>> before;
        Map<String, List<String>> after;
        for (int attempt = 1; ; attempt++) {
            try (Connection readModels = system.queryDatabase()) {
                before = ReadModelRows.independentOfArrivalOrder(ReadModelRows.of(readModels));
            }
            admin().post("/admin/projections/all/rebuild").then().statusCode(202);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    admin().get("/admin/projections").then().statusCode(200)
                            .body("rebuild.state", everyItem(equalTo("DONE"))));
            try (Connection readModels = system.queryDatabase()) {
                after = ReadModelRows.independentOfArrivalOrder(ReadModelRows.of(readModels));
            }
            ReadModelRecomputation.Comparison again = awaitQuietAndReconciled();
            if (again.storedEvents() == comparison.storedEvents()) {
                break;
            }
            assertThat(attempt).as("attempts while the store kept changing").isLessThan(3);
            comparison = again;
        }
        admin().get("/admin/projections").then().extract().jsonPath().getList("", Map.class).forEach(projection ->
                System.out.println("Rebuilt " + projection.get("name") + ": " + projection.get("rebuild")));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        SoftAssertions tables = new SoftAssertions();
        Map<String, List<String>> rebuilt = after;
        before.forEach((table, rows) -> tables.assertThat(rebuilt.get(table)).as(table).containsExactlyInAnyOrderElementsOf(rows));
        tables.assertAll();
    }

    /**
     * Compares the read models with the event store until they are equal and the store has been quiet
     * for three looks in a row (the processes may still be working), or fails with the difference.
     */
    private static ReadModelRecomputation.Comparison awaitQuietAndReconciled() {
        AtomicReference<ReadModelRecomputation.Comparison> comparison = new AtomicReference<>();
        AtomicInteger stored = new AtomicInteger(-1);
        AtomicInteger quietLooks = new AtomicInteger();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try (Connection store = system.commandDatabase(); Connection readModels = system.queryDatabase()) {
                    comparison.set(ReadModelRecomputation.compare(store, readModels));
                }
                int now = comparison.get().storedEvents();
                quietLooks.set(now == stored.getAndSet(now) ? quietLooks.get() + 1 : 0);
                return comparison.get().equal() && quietLooks.get() >= 3;
            });
        } catch (ConditionTimeoutException e) {
            assertThat(comparison.get().actual()).as("read models vs the event store").isEqualTo(comparison.get().expected());
        }
        return comparison.get();
    }

    @Test
    void commandToReadModelLatencyIsMeasured() {
        registerWarehouseAndProduct("LAT-1", "LAT-SKU");
        receive("LAT-1", "LAT-SKU", 1);
        List<Long> commandMicros = new ArrayList<>();
        List<Long> visibleMicros = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            int version = receive("LAT-1", "LAT-SKU", 1);
            commandMicros.add((System.nanoTime() - start) / 1_000);
            analyst().get("/stock-levels/LAT-1/LAT-SKU?minVersion=" + version).then().statusCode(200);
            visibleMicros.add((System.nanoTime() - start) / 1_000);
        }
        System.out.println("Over 100 sequential receipts: POST answered " + percentiles(commandMicros)
                + "; POST sent -> visible in stock-levels " + percentiles(visibleMicros));
        analyst().get("/stock-levels/LAT-1/LAT-SKU").then().body("onHand", equalTo(101));
    }

    @Test
    void commandsAcceptedDuringABrokerOutageReachTheReadModelOnce() {
        registerWarehouseAndProduct("OUT-1", "OUT-SKU");
        receive("OUT-1", "OUT-SKU", 1);
        system.stopBroker();
        int lastVersion;
        try {
            for (int i = 0; i < 9; i++) {
                receive("OUT-1", "OUT-SKU", 1);
            }
            lastVersion = receive("OUT-1", "OUT-SKU", 1);
            // Outlast the relay's delivery timeout, so its sends fail and must be retried.
            ServiceProcess.sleep(3_000L * SupplylineSystem.RELAY_DELIVERY_TIMEOUT_SECONDS);
        } finally {
            system.startBroker();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                analyst().get("/stock-levels/OUT-1/OUT-SKU").then().statusCode(200)
                        .body("version", equalTo(lastVersion)));
        analyst().get("/stock-levels/OUT-1/OUT-SKU").then().body("onHand", equalTo(11));
    }

    @Test
    void anIdempotencyKeyIsHonouredAcrossACommandSideRestart() {
        registerWarehouseAndProduct("IDEM-1", "IDEM-SKU");
        int first = operator().header("Idempotency-Key", "delivery-note-4711").body(Map.of("quantity", 5))
                .post("/stock/IDEM-1/IDEM-SKU/receipts").then().statusCode(200).extract().path("version");
        system.commandSide.stop();
        system.commandSide.start();
        operator().header("Idempotency-Key", "delivery-note-4711").body(Map.of("quantity", 5))
                .post("/stock/IDEM-1/IDEM-SKU/receipts").then().statusCode(200).body("version", equalTo(first));
        int next = receive("IDEM-1", "IDEM-SKU", 1);
        assertThat(next).as("the retry appended nothing").isEqualTo(first + 1);
        analyst().get("/stock-levels/IDEM-1/IDEM-SKU?minVersion=" + next).then().body("onHand", equalTo(6));
    }

    @Test
    void aQuerySideKilledMidStreamNeitherLosesNorDoublesEvents() throws Exception {
        String[] skus = {"KILL-A", "KILL-B", "KILL-C"};
        operator().body(Map.of("code", "KILL-1", "name", "DC", "city", "Berlin", "country", "DE"))
                .post("/warehouses").then().statusCode(201);
        for (String sku : skus) {
            operator().body(Map.of("sku", sku, "name", sku, "unitOfMeasure", "EA", "reorderPoint", 0,
                    "reorderQuantity", 1)).post("/products").then().statusCode(201);
        }
        AtomicInteger accepted = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                receive("KILL-1", skus[i % skus.length], 1);
                accepted.incrementAndGet();
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 60);
        system.querySide.kill();
        ServiceProcess.sleep(500);
        system.querySide.start();
        writer.join(120_000);
        assertThat(accepted.get()).isEqualTo(300);

        for (String sku : skus) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    analyst().get("/stock-levels/KILL-1/{sku}", sku).then().statusCode(200)
                            .body("version", equalTo(99)));
            analyst().get("/stock-levels/KILL-1/{sku}", sku).then().body("onHand", equalTo(100));
        }
    }

    private static String percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.get(49) / 1000.0,
                sorted.get(89) / 1000.0, sorted.get(98) / 1000.0, sorted.get(99) / 1000.0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
