package io.supplyline.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * The positions the rows are written with: a partition moves on only from where the writer found it,
 * so an instance that lost a partition to another cannot apply its events a second time.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class PartitionPositionsTest {

    /** Far beyond the topic's partitions, so the live engine never touches it. */
    private static final int PARTITION = 9_999;
    private static final int OTHER = 9_998;

    @Inject
    DataSource dataSource;

    @AfterEach
    void forget() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM projection_position WHERE partition_no = ?")) {
            for (int partition : List.of(PARTITION, OTHER)) {
                delete.setInt(1, partition);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void aPartitionNeverAppliedStartsAtZeroAndMovesOnlyFromWhereItIs() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(PartitionPositions.claim(connection, List.of(PARTITION))).containsEntry(PARTITION, 0L);
            PartitionPositions.advance(connection, Map.of(PARTITION, new long[] {0, 5}));

            // A second writer that read 0 before the first moved it: its batch must not count.
            assertThatThrownBy(() -> PartitionPositions.advance(connection, Map.of(PARTITION, new long[] {0, 7})))
                    .isInstanceOf(PartitionPositions.PositionMoved.class);
            assertThat(PartitionPositions.claim(connection, List.of(PARTITION))).containsEntry(PARTITION, 5L);
            assertThat(Failures.transientFailure(new IllegalStateException(new PartitionPositions.PositionMoved(PARTITION, 0))))
                    .as("a moved partition is read again, not parked").isTrue();
        }
    }

    @Test
    void aBatchOfSeveralPartitionsMovesNoneIfOneHasMoved() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PartitionPositions.claim(connection, List.of(PARTITION, OTHER));
            PartitionPositions.advance(connection, Map.of(OTHER, new long[] {0, 3}));
            connection.setAutoCommit(false);

            assertThatThrownBy(() -> PartitionPositions.advance(connection, Map.of(PARTITION, new long[] {0, 4}, OTHER, new long[] {0, 4})))
                    .isInstanceOf(PartitionPositions.PositionMoved.class).hasMessageContaining("Partition " + OTHER + " ");
            connection.rollback();
            connection.setAutoCommit(true);
            assertThat(PartitionPositions.claim(connection, List.of(PARTITION, OTHER)))
                    .containsEntry(PARTITION, 0L).containsEntry(OTHER, 3L);
        }
    }
}
