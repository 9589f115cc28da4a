package io.supplyline.query.shipments;

import static io.supplyline.query.projection.HandlerCalls.inNewTransaction;
import static io.supplyline.query.projection.HandlerCalls.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Every kind of column a read model has, written by the projection engine (new rows with COPY, changed
 * rows with an update joined with arrays of text) and read back through Hibernate from PostgreSQL: text
 * that COPY and array literals treat specially, nulls, dates, times finer than a microsecond, enums.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ShipmentRowWritesTest {

    /** Characters with a meaning in COPY's text format or in an array literal, and the word NULL. */
    private static final String AWKWARD = "Dock \\3 {north}, \"gate\" NULL ✓";

    @Inject
    ProjectionRows rows;

    @Test
    void newAndChangedRowsReadBackExactlyAsWritten() {
        String id = "shipment:" + UUID.randomUUID();
        Instant dispatched = Instant.parse("2026-12-02T10:15:30.123456499Z");
        inNewTransaction(() -> {
            ShipmentRow row = new ShipmentRow(id);
            row.orderId = AWKWARD;
            row.carrier = "NULL";
            row.trackingNumber = null;
            row.status = ShipmentStatus.DISPATCHED;
            row.promisedDeliveryDate = LocalDate.of(2026, 12, 24);
            row.dispatchedAt = dispatched;
            row.checkpoints = 3;
            rows.add(row);
        });
        ShipmentRow inserted = read(() -> ShipmentRow.<ShipmentRow>findById(id));
        assertThat(inserted.orderId).isEqualTo(AWKWARD);
        assertThat(inserted.carrier).isEqualTo("NULL");
        assertThat(inserted.trackingNumber).isNull();
        assertThat(inserted.status).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(inserted.promisedDeliveryDate).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(inserted.dispatchedAt).isEqualTo(Instant.parse("2026-12-02T10:15:30.123456Z"));
        assertThat(inserted.checkpoints).isEqualTo(3);

        inNewTransaction(() -> {
            ShipmentRow row = rows.find(ShipmentRow.class, id);
            row.lastLocation = AWKWARD + "\\";
            row.carrier = null;
            row.trackingNumber = "NULL";
            row.deliveredAt = Instant.parse("2026-12-03T08:00:00.000000500Z");
            row.eta = LocalDate.of(2027, 1, 2);
            row.status = ShipmentStatus.DELIVERED;
            row.checkpoints++;
        });
        ShipmentRow changed = read(() -> ShipmentRow.<ShipmentRow>findById(id));
        assertThat(changed.lastLocation).isEqualTo(AWKWARD + "\\");
        assertThat(changed.carrier).isNull();
        assertThat(changed.trackingNumber).isEqualTo("NULL");
        assertThat(changed.deliveredAt).as("rounded to the microsecond").isEqualTo(Instant.parse("2026-12-03T08:00:00.000001Z"));
        assertThat(changed.eta).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(changed.status).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(changed.checkpoints).isEqualTo(4);
        assertThat(changed.orderId).isEqualTo(AWKWARD);
        assertThat(changed.dispatchedAt).isEqualTo(Instant.parse("2026-12-02T10:15:30.123456Z"));
        assertThat(changed.rowVersion).as("one update").isEqualTo(inserted.rowVersion + 1);
    }
}
