package io.supplyline.command.eventstore;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.receivedStock;
import static io.supplyline.command.ApiMother.registerProduct;
import static io.supplyline.command.ApiMother.registerWarehouse;
import static io.supplyline.command.ApiMother.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supplyline.command.EventStoreRows;
import io.supplyline.command.HeldTransaction;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.inventory.ReceiveStock;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.warehouse.WarehouseCode;

/** The event store read in commit order, on PostgreSQL, through the event store the processors use. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class CommitOrderReaderTest {

    @Inject
    AxonConfiguration axon;

    @Inject
    CommandGateway gateway;

    @Inject
    TransactionManager jta;

    @Inject
    DataSource dataSource;

    @Inject
    EventStoreRows eventStore;

    /**
     * A transaction takes its id with its first write. If it appends an aggregate's next event after
     * a transaction with a later id committed the one before, the order of transaction ids is the
     * wrong way round for that aggregate; the order of commits is not.
     */
    @Test
    void anAggregatesEventsKeepTheirOrderWhenTheLaterOneHasTheEarlierTransactionId() throws Exception {
        String warehouse = unique("ORDERWH");
        String first = unique("FIRST");
        String second = unique("SECOND");
        registerWarehouse(warehouse);
        registerProduct(first);
        registerProduct(second);
        String item = "stock:" + warehouse + ":" + second;
        TrackingToken from = axon.eventStore().createHeadToken();

        try (HeldTransaction older = HeldTransaction.appending(jta, gateway, Duration.ofMinutes(1), receipt(warehouse, first))) {
            // The second item's first event, committed by a transaction with a later id.
            given().auth().basic("operator", "operator").contentType(ContentType.JSON)
                    .body(Map.of("quantity", 1)).post("/stock/{w}/{s}/receipts", warehouse, second)
                    .then().statusCode(200);
            older.send(receipt(warehouse, second));
            older.commit();
        }
        List<Long> txids = txids(item);
        assertThat(txids.get(1)).as("the second event's transaction id").isLessThan(txids.get(0));

        List<Long> sequences = read(from, 3, message -> message instanceof DomainEventMessage<?> event
                && item.equals(event.getAggregateIdentifier())).stream()
                .map(message -> ((DomainEventMessage<?>) message).getSequenceNumber()).toList();
        assertThat(sequences).containsExactly(0L, 1L);
    }

    @Test
    void aGapAwarePositionOfTheVersionBeforeDeliversWhatItHadNotFirst() throws Exception {
        String item = receivedStock(unique("LEGACY"), 1, 2, 3, 4, 5);
        List<Long> indexes = globalIndexes(item);
        eventStore.tamper("UPDATE domainevententry SET txid = '1' WHERE aggregateidentifier = ?", item);
        // Its index at the third event, the second still a gap it waited for.
        GapAwareTrackingToken old = GapAwareTrackingToken.newInstance(indexes.get(2), Set.of(indexes.get(1)));

        List<TrackedEventMessage<?>> firstThree = read(old, 3, message -> true);

        assertThat(firstThree).extracting(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .containsOnly(item);
        assertThat(firstThree).extracting(message -> ((DomainEventMessage<?>) message).getSequenceNumber())
                .containsExactly(1L, 3L, 4L);
    }

    /** Up to {@code count} events after the position that match, in the order the stream gives them. */
    private List<TrackedEventMessage<?>> read(TrackingToken from, int count, Predicate<TrackedEventMessage<?>> wanted)
            throws InterruptedException {
        List<TrackedEventMessage<?>> found = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = axon.eventStore().openStream(from)) {
            while (found.size() < count && stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> next = stream.nextAvailable();
                if (wanted.test(next)) {
                    found.add(next);
                }
            }
        }
        return found;
    }

    private static ReceiveStock receipt(String warehouse, String sku) {
        return new ReceiveStock(new StockItemId(new WarehouseCode(warehouse), new Sku(sku)), new Quantity(1), null);
    }

    private List<Long> txids(String aggregateId) throws Exception {
        return column("txid::text::bigint", aggregateId);
    }

    private List<Long> globalIndexes(String aggregateId) throws Exception {
        return column("globalindex", aggregateId);
    }

    private List<Long> column(String expression, String aggregateId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + expression + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
            query.setString(1, aggregateId);
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }
}
