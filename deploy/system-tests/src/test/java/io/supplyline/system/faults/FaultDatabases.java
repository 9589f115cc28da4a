package io.supplyline.system.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The suite's own two databases, made empty at its start (the services' Flyway creates the tables);
 * other suites name databases of their own, so that they can run beside it.
 */
public final class FaultDatabases {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String COMMAND = "supplyline_faults_command";
    static final String QUERY = "supplyline_faults_query";
    public static final String USER = System.getenv().getOrDefault("SUPPLYLINE_DB_USER", "supplyline");
    public static final String PASSWORD = System.getenv().getOrDefault("SUPPLYLINE_DB_PASSWORD", "supplyline");

    private FaultDatabases() {
    }

    static void recreate() throws SQLException {
        recreate(COMMAND, QUERY);
    }

    /** Drops these databases (and whoever is connected to them) and creates them empty. */
    public static void recreate(String... databases) throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement sql = server.createStatement()) {
            for (String database : databases) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + database);
            }
        }
    }

    public static Connection open(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, PASSWORD);
    }

    static Connection commandStore() throws SQLException {
        return open(COMMAND);
    }

    static Connection readModels() throws SQLException {
        return open(QUERY);
    }
}
