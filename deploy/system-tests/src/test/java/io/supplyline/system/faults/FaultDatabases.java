package io.supplyline.system.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The suite's own two databases, made empty at its start (the services' Flyway creates the tables). */
final class FaultDatabases {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String COMMAND = "supplyline_faults_command";
    static final String QUERY = "supplyline_faults_query";
    static final String USER = System.getenv().getOrDefault("SUPPLYLINE_DB_USER", "supplyline");
    static final String PASSWORD = System.getenv().getOrDefault("SUPPLYLINE_DB_PASSWORD", "supplyline");

    private FaultDatabases() {
    }

    static void recreate() throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement sql = server.createStatement()) {
            for (String database : new String[] {COMMAND, QUERY}) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                sql.execute("CREATE DATABASE " + database);
            }
        }
    }

    static Connection commandStore() throws SQLException {
        return DriverManager.getConnection(SERVER + COMMAND, USER, PASSWORD);
    }

    static Connection readModels() throws SQLException {
        return DriverManager.getConnection(SERVER + QUERY, USER, PASSWORD);
    }
}
