package io.supplyline.command.fulfilment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.supplyline.command.jdbc.Batches;
/**
 * The order-fulfilment processes' state: one row per open order (its fields as JSON), and one row per
 * stock item a backordered order waits for. Read and written on the connection of the current
 * transaction, so the state commits with the commands the processes sent and the processor's position.
 */
final class OrderProcessStore {

    /** A process's row: its order id (the UUID) and its fields as JSON. */
    record Row(String orderId, byte[] state) {
    }

    /** What a batch changed, written with one batched statement per kind. */
    record Changes(List<Row> inserted, List<Row> updated, List<String> deleted,
                   List<String[]> waitsAdded, List<String[]> waitsRemoved) {
    }

    private final DataSource dataSource;

    OrderProcessStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The rows (order id to fields as JSON) of these orders' processes and of the processes waiting for
     * these stock items, in one query of two index lookups.
     */
    Map<String, byte[]> load(Collection<String> orderIds, Collection<String> stockItemIds) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        if (orderIds.isEmpty() && stockItemIds.isEmpty()) {
            return found;
        }
        String sql = "SELECT order_id, state FROM order_process WHERE order_id IN (" + marks(orderIds.size()) + ")"
                + " UNION ALL SELECT p.order_id, p.state FROM order_process p JOIN order_process_wait w ON w.order_id = p.order_id"
                + " WHERE w.stock_item_id IN (" + marks(stockItemIds.size()) + ") ORDER BY 1";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            for (String id : orderIds) {
                query.setString(index++, id);
            }
            for (String id : stockItemIds) {
                query.setString(index++, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the order-fulfilment processes", e);
        }
        return found;
    }

    void write(Changes changes) {
        try (Connection connection = dataSource.getConnection()) {
            Batches.run(connection, "DELETE FROM order_process_wait WHERE stock_item_id = ? AND order_id = ?",
                    changes.waitsRemoved(), (statement, wait) -> {
                        statement.setString(1, wait[0]);
                        statement.setString(2, wait[1]);
                    });
            Batches.run(connection, "DELETE FROM order_process WHERE order_id = ?", changes.deleted(),
                    (statement, orderId) -> statement.setString(1, orderId));
            Batches.run(connection, "UPDATE order_process SET state = ? WHERE order_id = ?", changes.updated(), (statement, row) -> {
                statement.setBytes(1, row.state());
                statement.setString(2, row.orderId());
            });
            Batches.run(connection, "INSERT INTO order_process (order_id, state) VALUES (?, ?)", changes.inserted(),
                    (statement, row) -> {
                        statement.setString(1, row.orderId());
                        statement.setBytes(2, row.state());
                    });
            Batches.run(connection, "INSERT INTO order_process_wait (stock_item_id, order_id) VALUES (?, ?)",
                    changes.waitsAdded(), (statement, wait) -> {
                        statement.setString(1, wait[0]);
                        statement.setString(2, wait[1]);
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the order-fulfilment processes", e);
        }
    }

    /** {@code count} parameter marks; a list that can match nothing when empty. */
    private static String marks(int count) {
        return count == 0 ? "NULL" : "?" + ",?".repeat(count - 1);
    }
}
