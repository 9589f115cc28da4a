package io.supplyline.query.dashboard;

import static io.restassured.RestAssured.given;
import static io.supplyline.query.dashboard.DashboardMother.A;
import static io.supplyline.query.dashboard.DashboardMother.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.supplyline.events.Quantity;
import io.supplyline.events.inventory.AdjustmentReason;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.query.EventTopicWriter;

/**
 * The analysts' dashboard in headless Chromium against the real query side: each view's main interaction
 * on a world published two days ago (see {@link DashboardMother}) to a broker and database of its own
 * ({@link OwnWorldProfile}: the views count everything they hold), then live changes
 * without a reload. Ordered: the overview looks at the old world before the live part adds newer events.
 */
@QuarkusTest
@TestProfile(OwnWorldProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardViewsBrowserTest {

    private static EventTopicWriter topic;
    private static DashboardMother world;
    private static Chromium browser;

    /** The world on the topic and projected, and a browser signed in as an analyst; once for the class. */
    private static synchronized Chromium browser() {
        if (browser == null) {
            topic = new EventTopicWriter(OwnWorldProfile.OwnBroker.WORLD.bootstrapServers());
            world = new DashboardMother(topic).world();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(total("/stock-levels?size=1")).isEqualTo(120);
                assertThat(total("/orders?size=1")).isEqualTo(14);
                assertThat(total("/suppliers/performance?size=1")).isEqualTo(3);
                assertThat(total("/shipments?size=1")).isEqualTo(2);
                List<Integer> events = analyst().get("/overview/throughput?range=week")
                        .then().statusCode(200).extract().jsonPath().getList("buckets.events", Integer.class);
                assertThat(events.stream().mapToInt(Integer::intValue).sum()).isEqualTo(world.events);
            });
            browser = new Chromium("http://localhost:" + RestAssured.port).withBasicAuth("analyst", "analyst");
        }
        return browser;
    }

    private static io.restassured.specification.RequestSpecification analyst() {
        return given().auth().basic("analyst", "analyst");
    }

    private static int total(String path) {
        return analyst().get(path).then().statusCode(200).extract().path("total");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (topic != null) {
            topic.close();
        }
    }

    /** Opens a view afresh and waits until its first data is on the page. */
    private static Chromium open(String path) {
        Chromium page = browser();
        page.open(path);
        page.await("the dashboard is ready", () -> page.script("return window.dashboardStats.readyMs") != null);
        System.out.println("Dashboard " + path + " ready after " + page.script("return window.dashboardStats.readyMs") + " ms");
        return page;
    }

    private static List<String> rowIds(Chromium page, String table) {
        return page.attributes(table + " tbody tr", "data-id");
    }

    @Test
    @Order(1)
    void theOverviewShowsTheKeyFiguresAndThroughputOverARangeEndingNowOrAtTheLatestEvent() {
        Chromium page = open("/");
        page.awaitAttribute("#throughput", "data-buckets", "60");
        assertThat(page.attribute("#throughput", "data-total-events")).as("nothing happened in the last hour").isEqualTo("0");
        page.awaitText("#kpi-open-orders", "12");
        assertThat(page.text("#kpi-backordered")).isEqualTo("2");
        assertThat(page.text("#kpi-on-the-way")).isEqualTo("2");
        assertThat(page.text("#kpi-delayed")).isEqualTo("1");
        assertThat(page.text("#kpi-open-pos")).isEqualTo("3");
        assertThat(page.text("#kpi-overdue-pos")).isEqualTo("1");
        assertThat(page.text("#kpi-alerts")).isEqualTo("28");

        page.select("#range", "day");
        page.awaitAttribute("#throughput", "data-buckets", "24");
        assertThat(page.attribute("#backorders", "data-points")).isEqualTo("24");
        assertThat(page.attribute("#throughput", "data-total-events")).isEqualTo("0");

        page.click("#range-latest");
        page.awaitAttribute("#throughput", "data-total-events", String.valueOf(world.events));
        assertThat(page.attribute("#backorders", "data-latest")).as("backordered at the latest event").isEqualTo("2");

        // The range and its end are in the address: a reload shows the same.
        page.reload();
        page.awaitAttribute("#throughput", "data-total-events", String.valueOf(world.events));
        assertThat(page.attribute("#throughput", "data-buckets")).isEqualTo("24");

        page.select("#range", "week");
        page.awaitAttribute("#throughput", "data-buckets", "168");
        page.click("#range-now");
        page.await("the week up to now holds the world too", () -> "168".equals(page.attribute("#throughput", "data-buckets"))
                && String.valueOf(world.events).equals(page.attribute("#throughput", "data-total-events"))
                && !page.find("#range-until").getText().isEmpty() && page.find("#range-until").getText().contains("now"));
    }

    @Test
    @Order(2)
    void stockIsSearchedFilteredPagedAndSortedByTheServer() {
        Chromium page = open("/#stock");
        page.awaitText("#stock-page", "page 1 of 3");
        assertThat(page.text("#stock-total")).isEqualTo("120 items");
        assertThat(rowIds(page, "#stock-table")).hasSize(50).startsWith(A + ":PART-001", B + ":PART-001");

        page.click("#stock-next");
        page.awaitText("#stock-page", "page 2 of 3");
        assertThat(rowIds(page, "#stock-table")).hasSize(50).startsWith(A + ":PART-026");

        page.click("#stock-table th[data-sort='available']");
        page.await("least available first", () -> rowIds(page, "#stock-table").get(0).equals(A + ":PART-012"));
        assertThat(page.text("#stock-page")).isEqualTo("page 1 of 3");
        assertThat(page.attribute("#stock-table th[data-sort='available']", "aria-sort")).isEqualTo("ascending");
        page.click("#stock-table th[data-sort='available']");
        page.await("most available first", () -> rowIds(page, "#stock-table").get(0).equals(B + ":PART-059"));

        page.type("#stock-search", "PART-01");
        page.await("the search narrows the rows", () -> rowIds(page, "#stock-table").size() == 20);
        assertThat(rowIds(page, "#stock-table")).allMatch(id -> id.contains("PART-01"));
        assertThat(page.text("#stock-page")).isEqualTo("page 1 of 1");

        page.type("#stock-search", "");
        page.select("#stock-status", "OUT");
        page.await("only items out of stock", () -> rowIds(page, "#stock-table").size() == 10);
        assertThat(page.attributes("#stock-table tbody tr", "data-status")).containsOnly("OUT");
        page.type("#stock-warehouse", B);
        page.await("only those of one warehouse", () -> rowIds(page, "#stock-table").size() == 5);
        assertThat(rowIds(page, "#stock-table")).allMatch(id -> id.startsWith(B + ":"));

        // A row's stock over time: received, then reserved.
        page.click("#stock-table tr[data-id='" + B + ":PART-012']");
        page.awaitAttribute("#history", "data-points", "2");
        assertThat(page.text("#history-item")).contains("PART-012", B);
        page.reload();
        page.await("filters and the chosen item survive a reload", () -> rowIds(page, "#stock-table").size() == 5
                && "2".equals(page.attribute("#history", "data-points")));
        assertThat(page.find("#stock-status").getDomProperty("value")).isEqualTo("OUT");
    }

    @Test
    @Order(3)
    void alertsAreGroupedByTypeFilteredAndTellWhatToReorderAndWhatWillRunOut() {
        Chromium page = open("/#alerts");
        page.awaitText("#alert-groups [data-type='LOW_STOCK'] .count", "15");
        assertThat(page.text("#alert-groups [data-type='STOCKOUT'] .count")).isEqualTo("10");
        assertThat(page.text("#alert-groups [data-type='PROJECTED_STOCKOUT'] .count")).isEqualTo("1");
        assertThat(page.text("#alert-groups [data-type=''] .count")).isEqualTo("28");

        String runningOut = "#alerts-list li[data-type='PROJECTED_STOCKOUT'][data-subject='stock:" + A + ":"
                + DashboardMother.RUNNING_OUT + "']";
        assertThat(page.text(runningOut + " .type")).isEqualTo("will run out");
        String low = "#alerts-list li[data-type='LOW_STOCK'][data-subject='stock:" + A + ":PART-007']";
        assertThat(page.text(low + " .reorder")).isEqualTo("Reorder 55");
        String inbound = "#alerts-list li[data-type='LOW_STOCK'][data-subject='stock:" + B + ":"
                + DashboardMother.LOW_WITH_INBOUND + "']";
        assertThat(page.findAll(inbound)).hasSize(1);
        assertThat(page.findAll(inbound + " .reorder")).as("stock is on its way").isEmpty();

        page.click("#alert-groups [data-type='STOCKOUT']");
        page.await("the group's alerts only", () -> page.findAll("#alerts-list li").size() == 10);
        assertThat(page.attributes("#alerts-list li", "data-type")).containsOnly("STOCKOUT");
        assertThat(page.attribute("#alert-groups [data-type='STOCKOUT']", "aria-pressed")).isEqualTo("true");

        page.select("#alert-type", "DELAYED_SHIPMENT");
        page.await("one delayed shipment", () -> page.attributes("#alerts-list li", "data-type").equals(List.of("DELAYED_SHIPMENT")));
        page.select("#alert-type", "");
        page.type("#alert-warehouse", B);
        page.await("one warehouse's alerts: 8 low, 5 out", () -> page.findAll("#alerts-list li").size() == 13);
        assertThat(page.attributes("#alerts-list li", "data-subject")).allMatch(subject -> subject.contains(":" + B + ":"));

        page.type("#alert-warehouse", "");
        page.select("#alert-state", "RESOLVED");
        String restocked = "#alerts-list li[data-type='LOW_STOCK'][data-subject='stock:" + A + ":" + DashboardMother.RESTOCKED + "']";
        page.awaitText(restocked + " .duration", "1 h 30 min");
        assertThat(page.attributes("#alerts-list li", "data-state")).containsOnly("RESOLVED");
    }

    @Test
    @Order(4)
    void theOrderBoardShowsOpenBackorderedAndLateOrdersAndTheLateShipments() {
        Chromium page = open("/#orders");
        page.await("12 open orders", () -> rowIds(page, "#orders-table").size() == 12);
        assertThat(page.attributes("#orders-table tbody tr", "data-status")).containsOnly("PLACED", "ALLOCATED", "BACKORDERED");
        assertThat(page.attributes("#shipments-late tbody tr", "data-id")).containsExactly(world.delayedShipment.aggregateId());

        page.click("#orders-tab-backordered");
        page.await("2 backordered", () -> rowIds(page, "#orders-table").size() == 2);
        assertThat(page.attributes("#orders-table tbody tr", "data-status")).containsOnly("BACKORDERED");
        assertThat(page.attribute("#orders-tab-backordered", "aria-selected")).isEqualTo("true");

        page.click("#orders-tab-late");
        page.await("the order shipped late", () -> rowIds(page, "#orders-table").equals(List.of(world.shippedLate.aggregateId())));
        assertThat(page.attribute("#orders-table tbody tr", "data-late")).isEqualTo("true");
    }

    @Test
    @Order(5)
    void suppliersAreSortedByTheirRecordOnTheServer() {
        Chromium page = open("/#suppliers");
        page.await("three suppliers by code", () -> rowIds(page, "#suppliers-table").equals(List.of("LATE", "PUNCT", "SLOW")));
        page.click("#suppliers-table th[data-sort='code']");
        page.await("by code, descending", () -> rowIds(page, "#suppliers-table").equals(List.of("SLOW", "PUNCT", "LATE")));
        page.click("#suppliers-table th[data-sort='onTimeRate']");
        page.await("least punctual first, no record last",
                () -> rowIds(page, "#suppliers-table").equals(List.of("LATE", "PUNCT", "SLOW")));
        assertThat(page.attribute("#suppliers-table th[data-sort='onTimeRate']", "aria-sort")).isEqualTo("ascending");
        page.click("#suppliers-table th[data-sort='onTimeRate']");
        page.await("most punctual first, no record last",
                () -> rowIds(page, "#suppliers-table").equals(List.of("PUNCT", "LATE", "SLOW")));
        page.click("#suppliers-table th[data-sort='overdueOrders']");
        page.click("#suppliers-table th[data-sort='overdueOrders']");
        page.await("the supplier with an overdue order first", () -> rowIds(page, "#suppliers-table").get(0).equals("LATE"));
        assertThat(page.findAll("#po-overdue tbody tr")).hasSize(1);
    }

    @Test
    @Order(6)
    void everyViewFollowsTheStreamWithoutAReload() throws Exception {
        Chromium page = open("/#stock?search=PART-02");
        page.await("20 items", () -> rowIds(page, "#stock-table").size() == 20);
        page.await("the stream is open", () -> page.find("#live").getDomAttribute("class").contains("on"));
        page.script("window.testMarker = 'first load'");
        StockItemId shown = StockItemId.of(A, "PART-020");
        world.now(shown, new StockAdjusted(shown, -3, AdjustmentReason.DAMAGE, "dropped"));
        page.awaitText("#stock-table tr[data-id='" + A + ":PART-020'] td:nth-child(3)", "117");
        StockItemId added = StockItemId.of(A, "PART-0299");
        world.now(added, new StockReceived(added, Quantity.of(7), "DN-new"));
        page.await("a new item that matches the search appears", () -> rowIds(page, "#stock-table").contains(A + ":PART-0299"));

        page.click("#tab-alerts");
        page.awaitText("#alert-groups [data-type='LOW_STOCK'] .count", "15");
        StockItemId lowNow = StockItemId.of(B, "PART-020");
        world.now(lowNow, new StockAdjusted(lowNow, -215, AdjustmentReason.DAMAGE, "flood"));
        page.await("the new alert is listed", () -> !page.findAll("#alerts-list li[data-type='LOW_STOCK'][data-subject='stock:"
                + B + ":PART-020']").isEmpty());
        page.awaitText("#alert-groups [data-type='LOW_STOCK'] .count", "16");

        page.click("#tab-overview");
        page.awaitAttribute("#throughput", "data-total-events", "3");
        world.now(lowNow, new StockAdjusted(lowNow, 1, AdjustmentReason.FOUND, null));
        page.awaitAttribute("#throughput", "data-total-events", "4");

        assertThat(page.script("return window.testMarker")).as("the page was not reloaded").isEqualTo("first load");
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) page.script("return window.dashboardStats");
        System.out.println("Dashboard stats: " + stats);
        assertThat(((Number) stats.get("updates")).longValue()).isPositive();
        assertThat(((Number) stats.get("readyMs")).doubleValue()).isPositive();
        page.screenshot(Path.of("target", "dashboard-overview.png"));
    }

    @Test
    @Order(7)
    void onlyAdminsSeeTheAdminView() {
        Chromium page = open("/#admin");
        page.await("an analyst lands on the overview", () -> page.find("#view-overview").isDisplayed());
        assertThat(page.find("#admin").isDisplayed()).isFalse();
        page.awaitText("#user", "analyst");
        try (Chromium admin = new Chromium("http://localhost:" + RestAssured.port).withBasicAuth("admin", "admin")) {
            admin.open("/#admin");
            admin.await("the admin tab", () -> admin.find("#admin").isDisplayed());
            admin.await("the projections", () -> !admin.findAll("#projections tbody tr[data-id]").isEmpty());
        }
    }
}
