package io.supplyline.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A PostgreSQL schema holding empty copies of some read-model tables (columns, keys, indexes and
 * the foreign keys among them). A transaction that puts it first on its {@code search_path} runs a
 * projection's own code against the copies: how rebuilds and as-of views replay history. Their
 * transactions do not wait for the disk while they load: a crash loses them, and a replay starts again
 * anyway. Copies written batch after batch are unlogged (no write-ahead log for rows that change again
 * and again), and a rebuild makes them logged before they replace the live tables; copies written once
 * at the end are logged from the start, since making a table logged copies it whole once more.
 */
public final class ScratchSchema {

    private final DataSource dataSource;
    private final String name;
    private final String home;
    private final List<String> tables;

    private ScratchSchema(DataSource dataSource, String name, String home, List<String> tables) {
        this.dataSource = dataSource;
        this.name = name;
        this.home = home;
        this.tables = tables;
    }

    /** Creates (or re-creates) the schema with empty copies of {@code tables} from the current schema, unlogged. */
    public static ScratchSchema create(DataSource dataSource, String name, List<String> tables) throws SQLException {
        return create(dataSource, name, tables, true);
    }

    /** See {@link #create(DataSource, String, List)}; {@code unlogged}: see the class comment. */
    public static ScratchSchema create(DataSource dataSource, String name, List<String> tables, boolean unlogged)
            throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String home;
            try (ResultSet row = sql.executeQuery("SELECT current_schema()")) {
                row.next();
                home = row.getString(1);
            }
            sql.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            sql.execute("CREATE SCHEMA " + name);
            for (String table : tables) {
                sql.execute("CREATE " + (unlogged ? "UNLOGGED " : "") + "TABLE " + name + "." + table + " (LIKE " + home + "." + table + " INCLUDING ALL)");
            }
            List<String> referenced = copyForeignKeys(connection, home, name, tables);
            // Referenced tables first: a logged table may not refer to an unlogged one.
            List<String> ordered = new ArrayList<>(referenced);
            tables.stream().filter(table -> !referenced.contains(table)).forEach(ordered::add);
            return new ScratchSchema(dataSource, name, home, ordered);
        }
    }

    /** The schema the live tables are in. */
    public String home() {
        return home;
    }

    /** Points the current transaction's unqualified table names at the copies first. */
    public void useInCurrentTransaction() throws SQLException {
        // Within a JTA transaction the datasource hands out its one enlisted connection.
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // One round trip for both (each batch of a replay begins with it).
            sql.execute("SET LOCAL search_path TO " + name + ", " + home + "; SET LOCAL synchronous_commit TO off");
        }
    }

    /**
     * Makes the copies crash-safe (and written to the write-ahead log, so replicas get them) before they go
     * live; PostgreSQL leaves a copy that is logged already as it is.
     */
    public void makeLogged() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : tables) {
                sql.execute("ALTER TABLE " + name + "." + table + " SET LOGGED");
            }
        }
    }

    public void drop() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /**
     * LIKE copies no foreign keys: the copies get those among themselves.
     *
     * @return the tables that others refer to
     */
    private static List<String> copyForeignKeys(Connection connection, String home, String name, List<String> tables)
            throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.conrelid::regclass::text, c.conname,"
                + " c.confrelid::regclass::text, pg_get_constraintdef(c.oid) FROM pg_constraint c"
                + " WHERE c.contype = 'f' AND c.connamespace = ?::regnamespace")) {
            query.setString(1, home);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    keys.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4)});
                }
            }
        }
        List<String> referenced = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            for (String[] key : keys) {
                if (tables.contains(key[0]) && tables.contains(key[2])) {
                    referenced.add(key[2]);
                    sql.execute("ALTER TABLE " + name + "." + key[0] + " ADD CONSTRAINT " + key[1] + " "
                            + key[3].replace("REFERENCES " + key[2] + "(", "REFERENCES " + name + "." + key[2] + "("));
                }
            }
        }
        return referenced.stream().distinct().toList();
    }
}
