package io.supplyline.deploy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's raw single-row commit rate on the server Supplyline uses: {@code pgbench} with a
 * custom script whose every transaction inserts one row about the size of a stored event, from as
 * many clients as the benchmark's closed-loop run has workers, into a scratch table in the
 * command database.
 */
record PostgresBaseline(int clients, double transactionsPerSecond, double meanLatencyMillis, String synchronousCommit) {

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([\\d.]+) ms");
    private static final String TABLE = "bench_single_row_insert";

    static PostgresBaseline measure(Postgres server, int clients, int seconds, int rowBytes) throws Exception {
        server.psql("DROP TABLE IF EXISTS " + TABLE + "; CREATE TABLE " + TABLE
                + " (id bigserial PRIMARY KEY, aggregate_id varchar(255) NOT NULL, sequence_number bigint NOT NULL,"
                + " payload bytea NOT NULL, stored_at timestamptz NOT NULL DEFAULT now())");
        Path script = Files.createTempFile("bench-insert", ".sql");
        try {
            Files.writeString(script, """
                    \\set item random(1, 100000)
                    INSERT INTO %s (aggregate_id, sequence_number, payload)
                      VALUES ('stock:BENCH:' || :item, :item, convert_to(repeat('x', %d), 'UTF8'));
                    """.formatted(TABLE, rowBytes));
            String output = Tool.run(List.of("pgbench", "-n", "-h", server.host(), "-p", String.valueOf(server.port()),
                    "-U", server.user(), "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4)),
                    "-T", String.valueOf(seconds), "-f", script.toString(), server.database()),
                    Map.of("PGPASSWORD", server.password()));
            return new PostgresBaseline(clients, number(TPS, output), number(LATENCY, output),
                    server.psql("SHOW synchronous_commit").strip());
        } finally {
            Files.deleteIfExists(script);
            server.psql("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench did not report " + pattern + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** Where pgbench and psql connect. */
    record Postgres(String host, int port, String database, String user, String password) {

        String psql(String sql) throws Exception {
            return Tool.run(List.of("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", host, "-p",
                    String.valueOf(port), "-U", user, "-d", database, "-c", sql), Map.of("PGPASSWORD", password));
        }
    }
}
