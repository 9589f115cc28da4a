package io.supplyline.command.relay;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.newStockItem;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.ApiMother.NewStockItem;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.HeldTransaction;
import io.supplyline.command.fulfilment.PlaceOrder;
import io.supplyline.command.purchasing.ReceiveGoods;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.deploy.kafka.TopicReader;
import io.supplyline.events.EventTopic;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * A transaction that appended events and then stalled (a lock wait, a GC pause, a slow disk) commits
 * long after later transactions: its global index was taken at insert, far behind what readers of the
 * store have seen since. Its events must still reach the topic and the processes, and the events of a
 * stalled transaction that rolls back must neither appear nor hold anything up.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class LateCommitTest {

    /** Metrics are on the management interface, not on the API port. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final Duration HOLD = Duration.ofSeconds(90);
    private static final int EVENTS_DURING_HOLD = 20_000;
    /** Paced a little above what the hold needs, so the store sees steady traffic rather than one burst. */
    private static final int RECEIPTS_PER_SECOND = 260;
    private static final int LOAD_ITEMS = 100;

    @Inject
    CommandGateway gateway;

    @Inject
    TransactionManager jta;

    @Inject
    EventStoreRows eventStore;

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    @Test
    void eventsCommittedAfterTwentyThousandOthersAreRelayedAndProcessedAndRolledBackOnesAreNot() throws Exception {
        NewStockItem late = newStockItem("LATE");
        String warehouse = late.warehouse();
        String sku = late.sku();
        String supplier = unique("SUP");
        operator().body(Map.of("code", supplier, "name", "Late Ltd", "leadTimeDays", 3)).post("/suppliers")
                .then().statusCode(201);
        operator().body(Map.of("quantity", 50)).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200);
        PurchaseOrderId committedPo = placePurchaseOrder(supplier, warehouse, sku);
        PurchaseOrderId rolledBackPo = placePurchaseOrder(supplier, warehouse, sku);
        SalesOrderId committedOrder = SalesOrderId.random();
        SalesOrderId rolledBackOrder = SalesOrderId.random();

        Duration atMost = HOLD.multipliedBy(3);
        try (HeldTransaction committing = HeldTransaction.appending(jta, gateway, atMost,
                     receipt(committedPo, sku, 30), order(committedOrder, warehouse, sku, 5));
             HeldTransaction rollingBack = HeldTransaction.appending(jta, gateway, atMost,
                     receipt(rolledBackPo, sku, 20), order(rolledBackOrder, warehouse, sku, 4))) {
            long loadEvents = appendElsewhereFor(HOLD, EVENTS_DURING_HOLD);
            assertThat(loadEvents).isGreaterThanOrEqualTo(EVENTS_DURING_HOLD);
            // Everything committed meanwhile is published while the two transactions are still open.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> recordsWithKeyPrefix("stock:" + loadWarehouse + ":") >= loadEvents);
            assertThat(committing.isOpen()).as("the late transaction is still open").isTrue();

            committing.commit();
            rollingBack.rollBack();
        }

        String po = committedPo.aggregateId();
        String order = committedOrder.aggregateId();
        String item = late.aggregateId();
        // The processes reacted: the goods went into stock, and the order was allocated from it.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(eventStore.payloads(item)).anySatisfy(payload -> assertThat(payload).contains("PO " + committedPo));
            assertThat(eventStore.eventTypes(order)).contains("OrderPlaced", "OrderAllocated");
        });
        // All of it is on the topic: the late events and what the processes appended because of them.
        Set<String> stored = Set.copyOf(concat(eventStore.eventIds(po), eventStore.eventIds(order), eventStore.eventIds(item)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(publishedIds()).containsAll(stored));

        assertThat(eventStore.count(rolledBackOrder.aggregateId())).isZero();
        assertThat(eventStore.eventTypes(rolledBackPo.aggregateId())).containsExactly("PurchaseOrderPlaced");
        Set<String> keys = recordKeys();
        assertThat(keys).doesNotContain(rolledBackOrder.aggregateId());
        // Nothing waits for the transaction that rolled back: the relay and both processes have caught up.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(given().get(metrics).then().statusCode(200).extract().asString())
                        .contains("supplyline_relay_lag_events 0.0")
                        .contains("supplyline_process_lag_events{process=\"goods-into-stock\"} 0.0")
                        .contains("supplyline_process_lag_events{process=\"order-fulfilment\"} 0.0"));
    }

    private String loadWarehouse;

    /**
     * Receipts on stock items of a warehouse of their own, at a steady pace, until both the time has
     * passed and the number of events has been appended; returns how many were.
     */
    private long appendElsewhereFor(Duration atLeast, int atLeastEvents) throws Exception {
        loadWarehouse = unique("LOAD");
        registerWarehouse(loadWarehouse);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < LOAD_ITEMS; i++) {
            skus.add(unique("LOAD-SKU"));
            registerProduct(skus.get(i));
        }
        AtomicLong accepted = new AtomicLong();
        long started = System.nanoTime();
        long minimumNanos = atLeast.toNanos();
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    for (long n = worker; ; n += workers) {
                        long due = started + n * 1_000_000_000L / RECEIPTS_PER_SECOND;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (System.nanoTime() - started >= minimumNanos && accepted.get() >= atLeastEvents) {
                            return null;
                        }
                        operator().body(Map.of("quantity", 1))
                                .post("/stock/{w}/{s}/receipts", loadWarehouse, skus.get((int) (n % LOAD_ITEMS)))
                                .then().statusCode(200);
                        accepted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return accepted.get();
    }

    private static PurchaseOrderId placePurchaseOrder(String supplier, String warehouse, String sku) {
        String id = operator().body(Map.of("supplier", supplier, "warehouse", warehouse,
                        "expectedDeliveryDate", "2026-12-15", "lines", List.of(Map.of("sku", sku, "quantity", 100,
                                "unitPrice", Map.of("amount", "1.00", "currency", "EUR")))))
                .post("/purchase-orders").then().statusCode(201).extract().path("id");
        return new PurchaseOrderId(java.util.UUID.fromString(id.substring("purchase-order:".length())));
    }

    private static ReceiveGoods receipt(PurchaseOrderId po, String sku, int quantity) {
        return new ReceiveGoods(po, List.of(new ReceivedLine(new Sku(sku), new Quantity(quantity))));
    }

    private static PlaceOrder order(SalesOrderId id, String warehouse, String sku, int quantity) {
        return new PlaceOrder(id, "Late Customer", new WarehouseCode(warehouse), java.time.LocalDate.of(2026, 12, 20),
                List.of(new OrderLine(new Sku(sku), new Quantity(quantity))));
    }

    private static List<ConsumerRecord<String, byte[]>> topic() {
        return TopicReader.readAll(KafkaBrokerTestResource.bootstrapServers(), EventTopic.NAME);
    }

    private static long recordsWithKeyPrefix(String prefix) {
        return topic().stream().filter(record -> record.key().startsWith(prefix)).count();
    }

    private static Set<String> recordKeys() {
        return topic().stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static Set<String> publishedIds() {
        return topic().stream()
                .map(record -> new String(record.headers().lastHeader("axon-message-id").value(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
