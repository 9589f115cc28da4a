package io.supplyline.command.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.catalog.Sku;

/** Existence is remembered only from transactions that committed; absence is always asked of the database. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class SqlCatalogLookupTest {

    @Inject
    SqlCatalogLookup catalog;
    @Inject
    LookupRows rows;

    @Test
    void aProductSeenOnlyInARolledBackTransactionIsNotRemembered() {
        Sku sku = new Sku("ROLLED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        QuarkusTransaction.begin();
        rows.change("INSERT INTO known_product (sku) VALUES (?)", sku.value());
        assertThat(catalog.productExists(sku)).isTrue();
        QuarkusTransaction.rollback();
        assertThat(QuarkusTransaction.requiringNew().call(() -> catalog.productExists(sku))).isFalse();
    }

    @Test
    void aProductRegisteredAfterBeingAskedForIsFound() {
        Sku sku = new Sku("LATE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        assertThat(QuarkusTransaction.requiringNew().call(() -> catalog.productExists(sku))).isFalse();
        QuarkusTransaction.requiringNew().run(() -> rows.change("INSERT INTO known_product (sku) VALUES (?)", sku.value()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> catalog.productExists(sku))).isTrue();
        // Remembered once that transaction committed: found even with the row gone behind its back.
        QuarkusTransaction.requiringNew().run(() -> rows.change("DELETE FROM known_product WHERE sku = ?", sku.value()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> catalog.productExists(sku))).isTrue();
    }
}
