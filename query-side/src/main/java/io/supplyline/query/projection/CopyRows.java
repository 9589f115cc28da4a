package io.supplyline.query.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format: far less work on both sides than
 * a multi-row {@code INSERT}, whose text and plan differ with every number of rows. The text goes out in
 * pieces of {@value #PIECE} characters as the lines are made, so that a rebuild's hundreds of thousands of
 * rows never sit in memory as one text (and its bytes) besides the rows themselves.
 */
final class CopyRows implements AutoCloseable {

    private static final int PIECE = 64 * 1024;

    private final Connection connection;
    private final String statement;
    private final StringBuilder text = new StringBuilder(PIECE + 4096);
    private CopyIn copy;
    private boolean lineStarted;

    /** Lines for {@code table}'s {@code columns} (names, comma-separated), copied in the connection's transaction. */
    CopyRows(Connection connection, String table, String columns) {
        this.connection = connection;
        this.statement = "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    /** The next value of the current line (see {@link PostgresText#appendText}; null is {@code \N}). */
    CopyRows value(Object value) {
        if (lineStarted) {
            text.append('\t');
        }
        lineStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String plain) {
            escaped(plain);
        } else {
            int from = text.length();
            PostgresText.appendText(text, value);
            if (value instanceof Enum<?>) {
                // Names of constants are plain; other values' text (numbers, times, dates) has nothing to escape.
                return this;
            }
            for (int i = from; i < text.length(); i++) {
                if (special(text.charAt(i))) {
                    String raw = text.substring(from);
                    text.setLength(from);
                    escaped(raw);
                    break;
                }
            }
        }
        return this;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private void escaped(String plain) {
        int i = 0;
        while (i < plain.length() && !special(plain.charAt(i))) {
            i++;
        }
        if (i == plain.length()) {
            text.append(plain);
            return;
        }
        text.append(plain, 0, i);
        for (; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    CopyRows endLine() throws SQLException {
        text.append('\n');
        lineStarted = false;
        if (text.length() >= PIECE) {
            send();
        }
        return this;
    }

    private void send() throws SQLException {
        if (copy == null) {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** Sends what is left and ends the copy; nothing at all if there were no lines. */
    void finish() throws SQLException {
        if (text.length() > 0) {
            send();
        }
        if (copy != null) {
            copy.endCopy();
            copy = null;
        }
    }

    /** A copy not finished (a value failed) is cancelled, so the connection can be used again. */
    @Override
    public void close() throws SQLException {
        if (copy != null && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
