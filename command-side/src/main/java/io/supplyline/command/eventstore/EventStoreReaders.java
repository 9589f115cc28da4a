package io.supplyline.command.eventstore;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The event store reader for the database the service was built for. */
@Singleton
final class EventStoreReaders {

    @Produces
    @Singleton
    EventStoreReader reader(DataSource dataSource, TransactionManager jta,
                            @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        OutsideTransactions database = new OutsideTransactions(dataSource, jta);
        return "postgresql".equals(databaseKind) ? new CommitOrderReader(database) : new InsertOrderReader(database, dataSource);
    }
}
