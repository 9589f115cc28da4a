package io.supplyline.query.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Every projection's handlers are found, and each is called directly rather than through Axon's resolvers. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectionHandlersTest {

    @Inject
    ProjectionHandlers handlers;

    @Test
    void everyHandlerOfEveryProjectionIsCalledDirectly() {
        assertThat(handlers.names()).containsExactlyInAnyOrder("alerts", "orders", "overview", "purchase-orders",
                "shipments", "stock-levels", "supplier-performance");
        assertThat(handlers.leftToAxon()).isEmpty();
    }
}
