package io.supplyline.command.warehouse;

import static io.supplyline.command.rules.Rejections.rejectedWith;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import io.supplyline.command.lookup.CatalogMother;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.events.warehouse.WarehouseRegistered;

class WarehouseTest {

    private static final WarehouseCode CODE = new WarehouseCode("HAM-2");

    private final AggregateTestFixture<Warehouse> fixture = new AggregateTestFixture<>(Warehouse.class);

    @Test
    void registeringANewCodeRecordsTheWarehouse() {
        fixture.registerInjectableResource(CatalogMother.empty());
        fixture.givenNoPriorActivity()
                .when(new RegisterWarehouse(CODE, "Hamburg Port", "Hamburg", "DE"))
                .expectEvents(new WarehouseRegistered(CODE, "Hamburg Port", "Hamburg", "DE"))
                .expectResultMessagePayload("warehouse:HAM-2");
    }

    @Test
    void cannotRegisterACodeTwice() {
        fixture.registerInjectableResource(CatalogMother.knowing(Set.of(), Set.of("HAM-2")));
        fixture.givenNoPriorActivity()
                .when(new RegisterWarehouse(CODE, "Hamburg Port", "Hamburg", "DE"))
                .expectNoEvents()
                .expectException(rejectedWith(DuplicateRegistration.class, "WAREHOUSE_ALREADY_REGISTERED"));
    }
}
