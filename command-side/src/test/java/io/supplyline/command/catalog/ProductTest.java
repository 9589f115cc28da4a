package io.supplyline.command.catalog;

import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.events.catalog.ProductDiscontinued;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.catalog.Sku;

class ProductTest {

    private static final Sku SKU = new Sku("BOLT-M8");

    private final AggregateTestFixture<Product> fixture = new AggregateTestFixture<>(Product.class);

    @Test
    void registeringANewSkuRecordsTheProduct() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "M8 bolt", "EA", 100, 500))
                .expectEvents(new ProductRegistered(SKU, "M8 bolt", "EA", new ReorderPolicy(100, 500)))
                .expectResultMessagePayload("product:BOLT-M8");
    }

    @Test
    void cannotRegisterAnSkuTwice() {
        fixture.registerInjectableResource(CatalogMother.knowing(Set.of("BOLT-M8"), Set.of()));
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "M8 bolt", "EA", 100, 500))
                .expectNoEvents()
                .expectException(rejectedWith(DuplicateRegistration.class, "PRODUCT_ALREADY_REGISTERED"));
    }

    @Test
    void reorderQuantityMustBeAtLeastOne() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "M8 bolt", "EA", 100, 0))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "INVALID_REORDER_POLICY"));
    }

    @Test
    void theReorderPolicyCanChange() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new ProductRegistered(SKU, "M8 bolt", "EA", new ReorderPolicy(100, 500)))
                .when(new ChangeReorderPolicy(SKU, 50, 200))
                .expectEvents(new ReorderPolicyChanged(SKU, new ReorderPolicy(50, 200)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aDiscontinuedProductsPolicyCannotChange() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new ProductRegistered(SKU, "M8 bolt", "EA", new ReorderPolicy(100, 500)),
                        new ProductDiscontinued(SKU, "EOL"))
                .when(new ChangeReorderPolicy(SKU, 50, 200))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "PRODUCT_DISCONTINUED"));
    }

    @Test
    void aProductCanBeDiscontinuedOnce() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new ProductRegistered(SKU, "M8 bolt", "EA", new ReorderPolicy(100, 500)))
                .when(new DiscontinueProduct(SKU, "replaced by M8-B"))
                .expectEvents(new ProductDiscontinued(SKU, "replaced by M8-B"));
        fixture.given(new ProductRegistered(SKU, "M8 bolt", "EA", new ReorderPolicy(100, 500)),
                        new ProductDiscontinued(SKU, "EOL"))
                .when(new DiscontinueProduct(SKU, "again"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "PRODUCT_DISCONTINUED"));
    }

    @Test
    void reorderPointCannotBeNegative() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "M8 bolt", "EA", -1, 10))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "INVALID_REORDER_POLICY"));
    }
}
