package io.supplyline.command.supplier;

import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;

class SupplierTest {

    private static final SupplierCode ACME = new SupplierCode("ACME");

    private final AggregateTestFixture<Supplier> fixture = new AggregateTestFixture<>(Supplier.class);

    @Test
    void registeringANewCodeRecordsTheSupplier() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.givenNoPriorActivity()
                .when(new RegisterSupplier(ACME, "Acme Pallets", 5))
                .expectEvents(new SupplierRegistered(ACME, "Acme Pallets", 5))
                .expectResultMessagePayload("supplier:ACME");
    }

    @Test
    void cannotRegisterACodeTwice() {
        fixture.registerInjectableResource(CatalogMother.knowing(Set.of(), Set.of(), Set.of("ACME")));
        fixture.givenNoPriorActivity()
                .when(new RegisterSupplier(ACME, "Acme Pallets", 5))
                .expectNoEvents()
                .expectException(rejectedWith(DuplicateRegistration.class, "SUPPLIER_ALREADY_REGISTERED"));
    }

    @Test
    void anActiveSupplierCanBeSuspended() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new SupplierRegistered(ACME, "Acme Pallets", 5))
                .when(new SuspendSupplier(ACME, "late deliveries"))
                .expectEvents(new SupplierSuspended(ACME, "late deliveries"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotSuspendASuspendedSupplier() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new SupplierRegistered(ACME, "Acme Pallets", 5), new SupplierSuspended(ACME, "late"))
                .when(new SuspendSupplier(ACME, "again"))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "SUPPLIER_ALREADY_SUSPENDED"));
    }

    @Test
    void aSuspendedSupplierCanBeReinstated() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new SupplierRegistered(ACME, "Acme Pallets", 5), new SupplierSuspended(ACME, "late"))
                .when(new ReinstateSupplier(ACME))
                .expectEvents(new SupplierReinstated(ACME));
    }

    @Test
    void cannotReinstateAnActiveSupplier() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.given(new SupplierRegistered(ACME, "Acme Pallets", 5))
                .when(new ReinstateSupplier(ACME))
                .expectNoEvents()
                .expectException(rejectedWith(BusinessRuleViolation.class, "SUPPLIER_NOT_SUSPENDED"));
    }
}
