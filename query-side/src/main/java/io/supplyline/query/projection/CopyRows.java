package io.supplyline.query.projection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * New rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, sent in one go: far less work on
 * both sides than a multi-row {@code INSERT}, whose text and plan differ with every number of rows.
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder();
    private boolean lineStarted;
    private int lines;

    /** The next value of the current line ({@link RowColumn#text}; null is {@code \N}). */
    CopyRows value(Object value) {
        if (lineStarted) {
            text.append('\t');
        }
        lineStarted = true;
        String plain = RowColumn.text(value);
        if (plain == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyRows endLine() {
        text.append('\n');
        lineStarted = false;
        lines++;
        return this;
    }

    /** Copies the lines into {@code table}'s {@code columns} (names, comma-separated) in the connection's transaction. */
    void into(Connection connection, String table, String columns) throws SQLException {
        if (lines == 0) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("Could not copy rows into " + table, e);
        }
    }
}
