package org.takedown.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A real PostgreSQL server from Maven-shipped binaries (no Docker), for the PostgreSQL variant of the tests. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The database password the tests give the service. The embedded server trusts local connections, so any value
     * works; a distinctive one lets {@code LogSecretsIT} prove it never reaches a log.
     */
    public static final String PASSWORD = "pg-test-secret-5e1f0c";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
