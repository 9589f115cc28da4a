package io.supplyline.query.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.query.EventTopicWriter;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionTables;

/** A rebuild replays the topic into fresh tables while the live ones answer, then switches without a gap. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class RebuildTest {

    private static final EventTopicWriter TOPIC = new EventTopicWriter();

    @Inject
    DataSource dataSource;

    @AfterAll
    static void closeTopic() {
        TOPIC.close();
    }

    private static RequestSpecification admin() {
        return given().auth().basic("admin", "admin");
    }

    private static String rebuildOf(String projection) {
        return "find { it.name == '" + projection + "' }.rebuild.state";
    }

    @Test
    void theRebuiltStockLevelsEqualTheLiveOnesAndTheLiveProjectionGoesOnFromThere() throws Exception {
        StockItemId item = StockItemId.of("RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "SKU-1");
        TOPIC.publish("StockItem", item.aggregateId(), 0, new StockReceived(item, Quantity.of(30), "DN-1"));
        TOPIC.publish("StockItem", item.aggregateId(), 1, new StockReserved(item, "order-1/1", Quantity.of(8)));
        TOPIC.publish("StockItem", item.aggregateId(), 2, new StockIssued(item, "order-1/1", Quantity.of(8)));
        analyst().header("X-Read-After", item.aggregateId() + "@2")
                .get("/stock-levels/{w}/{s}", item.warehouse().value(), item.sku().value())
                .then().statusCode(200).body("onHand", equalTo(22));
        List<String> before = rowsAbout(item.warehouse().value());

        admin().post("/admin/projections/{name}/rebuild", ProjectionNames.STOCK_LEVELS)
                .then().statusCode(202).body("queued", contains(ProjectionNames.STOCK_LEVELS));
        admin().post("/admin/projections/{name}/rebuild", ProjectionNames.STOCK_LEVELS)
                .then().statusCode(409).body("code", equalTo("REBUILD_RUNNING"));
        // The live read model keeps answering meanwhile.
        analyst().get("/stock-levels/{w}/{s}", item.warehouse().value(), item.sku().value())
                .then().statusCode(200).body("onHand", equalTo(22));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                admin().get("/admin/projections").then().body(rebuildOf(ProjectionNames.STOCK_LEVELS), equalTo("DONE")));

        assertThat(rowsAbout(item.warehouse().value())).hasSize(4).isEqualTo(before);
        admin().get("/admin/projections").then()
                .body("find { it.name == 'stock-levels' }.rebuild.replayedEvents", greaterThanOrEqualTo(3));

        // The live projection resumes at the rebuild's position: the next event applies once.
        TOPIC.publish("StockItem", item.aggregateId(), 3, new StockReceived(item, Quantity.of(5), "DN-2"));
        analyst().header("X-Read-After", item.aggregateId() + "@3")
                .get("/stock-levels/{w}/{s}", item.warehouse().value(), item.sku().value())
                .then().statusCode(200).body("onHand", equalTo(27)).body("version", equalTo(3));
    }

    /**
     * A rebuild of every projection in one replay, each keeping its rows in memory until the end: what every
     * read model holds of a warehouse's stock and orders is what the live projections made of the same events.
     */
    @Test
    void aRebuildOfEveryProjectionEqualsTheLiveReadModels() throws Exception {
        String warehouse = "RBA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        StockItemId item = StockItemId.of(warehouse, "SKU-A");
        SalesOrderId order = SalesOrderId.random();
        TOPIC.publish("StockItem", item.aggregateId(), 0, new StockReceived(item, Quantity.of(30), "DN-1"));
        TOPIC.publish("SalesOrder", order.aggregateId(), 0, new OrderPlaced(order, "All Corp", new WarehouseCode(warehouse),
                LocalDate.of(2026, 12, 3), List.of(new OrderLine(new Sku("SKU-A"), Quantity.of(4)))));
        TOPIC.publish("StockItem", item.aggregateId(), 1, new StockReserved(item, order.aggregateId() + "/1", Quantity.of(4)));
        analyst().header("X-Read-After", item.aggregateId() + "@1")
                .get("/stock-levels/{w}/{s}", warehouse, "SKU-A").then().statusCode(200).body("reserved", equalTo(4));
        analyst().header("X-Read-After", order.aggregateId() + "@0").get("/orders/{id}", order.aggregateId())
                .then().statusCode(200);
        List<String> tables = ProjectionTables.OF.values().stream().flatMap(List::stream).toList();
        List<String> before = rowsAbout(warehouse, tables);

        admin().post("/admin/projections/all/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                admin().get("/admin/projections").then().body(rebuildOf(ProjectionNames.STOCK_LEVELS), equalTo("DONE")));

        assertThat(before).anyMatch(row -> row.startsWith("stock_level "))
                .anyMatch(row -> row.startsWith("order_board "));
        assertThat(rowsAbout(warehouse, tables)).isEqualTo(before);
    }

    /**
     * An event the database refuses (text with a NUL) breaks a rebuild that keeps its rows in memory, whose
     * writes come at the end: the rebuild replays again writing every batch, parks that event in the fresh
     * dead letters and keeps every other row.
     */
    @Test
    void aRebuildOverAnEventTheDatabaseRefusesParksItAndKeepsTheRest() {
        SalesOrderId poisoned = SalesOrderId.random();
        SalesOrderId fine = SalesOrderId.random();
        List<OrderLine> lines = List.of(new OrderLine(new Sku("RB-NUL"), Quantity.of(2)));
        TOPIC.publish("SalesOrder", poisoned.aggregateId(), 0, new OrderPlaced(poisoned, "Nul\u0000Corp",
                new WarehouseCode("RB-NUL"), LocalDate.of(2026, 12, 3), lines));
        TOPIC.publish("SalesOrder", fine.aggregateId(), 0, new OrderPlaced(fine, "Fine Corp",
                new WarehouseCode("RB-NUL"), LocalDate.of(2026, 12, 3), lines));
        analyst().header("X-Read-After", fine.aggregateId() + "@0").get("/orders/{id}", fine.aggregateId())
                .then().statusCode(200).body("customer", equalTo("Fine Corp"));

        admin().post("/admin/projections/{name}/rebuild", ProjectionNames.ORDERS).then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                admin().get("/admin/projections").then().body(rebuildOf(ProjectionNames.ORDERS), equalTo("DONE")));

        analyst().get("/orders/{id}", fine.aggregateId()).then().statusCode(200).body("customer", equalTo("Fine Corp"));
        analyst().get("/orders/{id}", poisoned.aggregateId()).then().statusCode(404);
        admin().get("/admin/dead-letters").then().statusCode(200).body(
                "findAll { it.projection == 'orders' && it.sequence == '" + poisoned.aggregateId() + "' }.eventType",
                equalTo(List.of("OrderPlaced")));
    }

    @Test
    void everyReadModelTableBelongsToExactlyOneProjection() throws SQLException {
        Set<String> owned = new HashSet<>();
        ProjectionTables.OF.values().forEach(tables -> tables.forEach(table ->
                assertThat(owned.add(table)).as(table + " has one owner").isTrue()));
        Set<String> inSchema = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
            while (row.next()) {
                inSchema.add(row.getString(1));
            }
        }
        inSchema.removeAll(Set.of("flyway_schema_history", "tokenentry", "deadletterentry", "projection_position"));
        assertThat(owned).containsExactlyInAnyOrderElementsOf(inSchema);
    }

    @Test
    void unknownProjectionsAndOtherRolesAreRefused() {
        admin().post("/admin/projections/nonsense/rebuild").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_PROJECTION"));
        given().post("/admin/projections/all/rebuild").then().statusCode(401);
        given().auth().basic("analyst", "analyst").post("/admin/projections/all/rebuild").then().statusCode(403);
    }

    private static RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    /** The stock-levels rows that mention the text (level and history of this test's item), each as column=value text. */
    private List<String> rowsAbout(String text) throws SQLException {
        return rowsAbout(text, ProjectionTables.OF.get(ProjectionNames.STOCK_LEVELS));
    }

    /** The rows of the tables that mention the text, each as column=value text. */
    private List<String> rowsAbout(String text, List<String> tables) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet row = query.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder(table);
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            // How often a row was written depends on how events fell into batches.
                            if (!columns.getColumnName(i).equals("row_version")) {
                                line.append(' ').append(columns.getColumnName(i)).append('=').append(row.getString(i));
                            }
                        }
                        if (line.indexOf(text) >= 0) {
                            rows.add(line.toString());
                        }
                    }
                }
            }
        }
        Collections.sort(rows);
        return rows;
    }
}
