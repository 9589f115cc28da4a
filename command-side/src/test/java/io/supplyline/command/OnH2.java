package io.supplyline.command;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on H2 as the local default runs it (appends take turns there), for {@code @TestProfile}. */
public class OnH2 implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "jdbc:h2:mem:command;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
        return Map.of("quarkus.datasource.db-kind", "h2",
                "%test.quarkus.datasource.jdbc.url", url,
                "%test.quarkus.datasource.username", "sa",
                "%test.quarkus.datasource.password", "");
    }
}
