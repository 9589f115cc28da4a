package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.supplyline.command.EventStoreRows;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * Every free-text field, date and number of every command, given a value no command may take:
 * each is answered 400 problem+json naming the field, and the event store is unchanged.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final List<Object> BAD_TEXT = List.of("Bau\u0000haus", "Bell\u0007", "two\nlines", "tab\there",
            "esc\u001b[2J", "del\u007f", "c1\u0085");
    private static final List<Object> BAD_PROSE = List.of("nul\u0000", "bell\u0007", "cr\r", "esc\u001b");
    private static final List<Object> BAD_DATES = List.of("1899-12-31", "0001-01-01", "2999-01-01",
            LocalDate.now().plusYears(51).toString(), "2026-02-30", "tomorrow");
    private static final List<Object> BAD_INSTANTS = List.of("1900-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "2999-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "noon");
    private static final List<Object> BAD_COUNTS = List.of(0, -1, 1_000_000_001L, 1.5, "7", true);

    @Inject
    EventStoreRows eventStore;

    private record Case(String path, List<String> pathParameters, Map<String, Object> body, String field,
                        List<Object> badValues) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void field(String path, List<String> parameters, Map<String, Object> body, String field, List<Object> bad) {
        cases.add(new Case(path, parameters, body, field, bad));
    }

    private static RequestSpecification operator() {
        return given().auth().basic("operator", "operator").contentType(ContentType.JSON);
    }

    @Test
    void everyFieldRefusesWhatNoCommandMayTakeAndChangesNothing() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        String supplier = unique("SUP");
        registerWarehouse(warehouse);
        registerProduct(sku);
        operator().body(Map.of("code", supplier, "name", "Acme", "leadTimeDays", 5)).post("/suppliers").then().statusCode(201);
        operator().body(Map.of("quantity", 50)).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200);
        Map<String, Object> poLine = Map.of("sku", sku, "quantity", 5, "unitPrice", Map.of("amount", "1.00", "currency", "EUR"));
        String po = operator().body(Map.of("supplier", supplier, "warehouse", warehouse, "expectedDeliveryDate", "2026-12-15",
                "lines", List.of(poLine))).post("/purchase-orders").then().statusCode(201).extract().path("id");
        Map<String, Object> orderLine = Map.of("sku", sku, "quantity", 2);
        String order = operator().body(Map.of("customer", "Bauhaus", "warehouse", warehouse, "requestedDeliveryDate",
                "2026-12-03", "lines", List.of(orderLine))).post("/orders").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventStore.eventTypes(order).contains("OrderAllocated"));
        String shipment = operator().body(Map.of("orderId", order, "carrier", "DHL", "trackingNumber", "JD1",
                "promisedDeliveryDate", "2026-12-03")).post("/shipments").then().statusCode(201).extract().path("id");
        List<String> item = List.of(warehouse, sku);

        Map<String, Object> newWarehouse = Map.of("code", unique("WH"), "name", "DC", "city", "Berlin", "country", "DE");
        for (String text : List.of("name", "city", "country", "code")) {
            field("/warehouses", List.of(), newWarehouse, text, BAD_TEXT);
        }
        Map<String, Object> newProduct = Map.of("sku", unique("SKU"), "name", "Pallet", "unitOfMeasure", "EA",
                "reorderPoint", 1, "reorderQuantity", 1);
        for (String text : List.of("sku", "name", "unitOfMeasure")) {
            field("/products", List.of(), newProduct, text, BAD_TEXT);
        }
        field("/products", List.of(), newProduct, "reorderPoint", List.of(-1, 1_000_000_001L, 1.5, "1"));
        field("/products", List.of(), newProduct, "reorderQuantity", BAD_COUNTS);
        Map<String, Object> policy = Map.of("reorderPoint", 1, "reorderQuantity", 1);
        field("/products/{sku}/reorder-policy", List.of(sku), policy, "reorderPoint", List.of(-1, 1_000_000_001L, 1.5));
        field("/products/{sku}/reorder-policy", List.of(sku), policy, "reorderQuantity", BAD_COUNTS);
        field("/products/{sku}/discontinuation", List.of(sku), Map.of("reason", "old"), "reason", BAD_PROSE);
        Map<String, Object> newSupplier = Map.of("code", unique("SUP"), "name", "Acme", "leadTimeDays", 5);
        field("/suppliers", List.of(), newSupplier, "name", BAD_TEXT);
        field("/suppliers", List.of(), newSupplier, "code", BAD_TEXT);
        field("/suppliers", List.of(), newSupplier, "leadTimeDays", List.of(-1, 366, 1.5, "5"));
        field("/suppliers/{code}/suspension", List.of(supplier), Map.of("reason", "late"), "reason", BAD_PROSE);

        Map<String, Object> receipt = Map.of("quantity", 1, "reference", "DN-1");
        field("/stock/{w}/{s}/receipts", item, receipt, "quantity", BAD_COUNTS);
        field("/stock/{w}/{s}/receipts", item, receipt, "reference", BAD_TEXT);
        Map<String, Object> adjustment = Map.of("delta", -1, "reason", "DAMAGE", "note", "forklift");
        field("/stock/{w}/{s}/adjustments", item, adjustment, "delta", List.of(1_000_001, -1_000_001, 1.5, "1"));
        field("/stock/{w}/{s}/adjustments", item, adjustment, "reason", List.of("FORKLIFT", "damage\u0000", ""));
        field("/stock/{w}/{s}/adjustments", item, adjustment, "note", BAD_PROSE);

        Map<String, Object> newOrder = Map.of("customer", "Bauhaus", "warehouse", warehouse,
                "requestedDeliveryDate", "2026-12-03", "lines", List.of(orderLine));
        field("/orders", List.of(), newOrder, "customer", BAD_TEXT);
        field("/orders", List.of(), newOrder, "warehouse", BAD_TEXT);
        field("/orders", List.of(), newOrder, "requestedDeliveryDate", BAD_DATES);
        for (Object quantity : BAD_COUNTS) {
            field("/orders", List.of(), newOrder, "lines", List.of(List.of(Map.of("sku", sku, "quantity", quantity))));
        }
        field("/orders", List.of(), newOrder, "lines", List.of(List.of(Map.of("sku", "A\u0000", "quantity", 1))));
        field("/orders/{id}/cancellation", List.of(order), Map.of("reason", "changed"), "reason", BAD_PROSE);

        Map<String, Object> newPo = Map.of("supplier", supplier, "warehouse", warehouse,
                "expectedDeliveryDate", "2026-12-15", "lines", List.of(poLine));
        field("/purchase-orders", List.of(), newPo, "supplier", BAD_TEXT);
        field("/purchase-orders", List.of(), newPo, "expectedDeliveryDate", BAD_DATES);
        for (Object amount : List.of("-1.00", "1.123456", "1e400", "NaN", "1234567890123.00")) {
            field("/purchase-orders", List.of(), newPo, "lines", List.of(List.of(Map.of("sku", sku, "quantity", 5,
                    "unitPrice", Map.of("amount", amount, "currency", "EUR")))));
        }
        for (Object currency : List.of("eur", "EURO", "E\u0000R")) {
            field("/purchase-orders", List.of(), newPo, "lines", List.of(List.of(Map.of("sku", sku, "quantity", 5,
                    "unitPrice", Map.of("amount", "1.00", "currency", currency)))));
        }
        field("/purchase-orders/{id}/receipts", List.of(po), Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1))),
                "lines", List.of(List.of(Map.of("sku", sku, "quantity", 0)), List.of(Map.of("sku", sku, "quantity", 1.5))));
        field("/purchase-orders/{id}/cancellation", List.of(po), Map.of("reason", "changed"), "reason", BAD_PROSE);

        Map<String, Object> newShipment = Map.of("orderId", order, "carrier", "DHL", "trackingNumber", "JD2",
                "promisedDeliveryDate", "2026-12-03");
        field("/shipments", List.of(), newShipment, "carrier", BAD_TEXT);
        field("/shipments", List.of(), newShipment, "trackingNumber", BAD_TEXT);
        field("/shipments", List.of(), newShipment, "orderId", BAD_TEXT);
        field("/shipments", List.of(), newShipment, "promisedDeliveryDate", BAD_DATES);
        field("/shipments/{id}/dispatch", List.of(shipment), Map.of("at", "2026-12-01T08:00:00Z"), "at", BAD_INSTANTS);
        Map<String, Object> checkpoint = Map.of("location", "Leipzig", "at", "2026-12-01T13:00:00Z", "note", "ok");
        field("/shipments/{id}/checkpoints", List.of(shipment), checkpoint, "location", BAD_TEXT);
        field("/shipments/{id}/checkpoints", List.of(shipment), checkpoint, "at", BAD_INSTANTS);
        field("/shipments/{id}/checkpoints", List.of(shipment), checkpoint, "note", BAD_PROSE);
        Map<String, Object> delay = Map.of("newEta", "2026-12-05", "reason", "weather");
        field("/shipments/{id}/delays", List.of(shipment), delay, "newEta", BAD_DATES);
        field("/shipments/{id}/delays", List.of(shipment), delay, "reason", BAD_PROSE);
        Map<String, Object> delivery = Map.of("at", "2026-12-02T10:30:00Z", "receivedBy", "Goods-in 3");
        field("/shipments/{id}/delivery", List.of(shipment), delivery, "at", BAD_INSTANTS);
        field("/shipments/{id}/delivery", List.of(shipment), delivery, "receivedBy", BAD_TEXT);
        Map<String, Object> exception = Map.of("type", "DAMAGED", "note", "crushed");
        field("/shipments/{id}/exceptions", List.of(shipment), exception, "note", BAD_PROSE);
        field("/shipments/{id}/exceptions", List.of(shipment), exception, "type", List.of("LOST\u0000", "GONE"));

        long before = eventStore.total();
        int requests = 0;
        for (Case c : cases) {
            for (Object bad : c.badValues()) {
                Map<String, Object> body = new HashMap<>(c.body());
                body.put(c.field(), bad);
                try {
                    operator().body(body).post(c.path(), c.pathParameters().toArray())
                            .then().statusCode(400).contentType("application/problem+json")
                            .body("code", oneOf("INVALID_INPUT", "MALFORMED_JSON"))
                            .body("errors.field", hasItem(containsString(c.field())));
                } catch (AssertionError e) {
                    throw new AssertionError(c.path() + " " + c.field() + "=" + bad + ": " + e.getMessage(), e);
                }
                requests++;
            }
        }
        assertThat(requests).isGreaterThan(200);
        assertThat(eventStore.total()).isEqualTo(before);
    }

    @Test
    void proseMayHoldTabsAndNewlinesAndDatesWithinTheRangeAreTaken() {
        String warehouse = unique("WH");
        String sku = unique("SKU");
        registerWarehouse(warehouse);
        registerProduct(sku);
        operator().body(Map.of("quantity", 5)).post("/stock/{w}/{s}/receipts", warehouse, sku).then().statusCode(200);
        operator().body(Map.of("delta", -1, "reason", "DAMAGE", "note", "forklift,\tbay 3\nsecond line; «ünïcødé» 📦"))
                .post("/stock/{w}/{s}/adjustments", warehouse, sku).then().statusCode(200);
        assertThat(eventStore.payloads("stock:" + warehouse + ":" + sku).get(1)).contains("bay 3\\nsecond line", "«ünïcødé»");
        operator().body(Map.of("customer", "Bäckerei Müller & Söhne \"Nord\"", "warehouse", warehouse,
                        "requestedDeliveryDate", LocalDate.now().plusYears(49).toString(),
                        "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/orders").then().statusCode(201);
    }
}
