package io.supplyline.command;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Packages depend downwards: the Axon wiring on top, imported by nobody; the feature packages below it;
 * then the command side's shared infrastructure; then the glue both services share (service-support) and
 * the contract (shared-events). No package imports one that imports it back.
 */
class PackageDependenciesTest {

    private static final String[] FEATURES = {"..command.catalog..", "..command.warehouse..", "..command.supplier..",
            "..command.purchasing..", "..command.inventory..", "..command.fulfilment..", "..command.shipping..",
            "..command.feeds..", "..command.audit..", "..command.reconciliation.."};

    private static final String[] INFRASTRUCTURE = {"..command.processors..", "..command.rules..",
            "..command.envelope..", "..command.retry..", "..command.jdbc..", "..command.serialization..",
            "..command.eventstore..", "..command.aggregates..", "..command.snapshots..", "..command.lookup..",
            "..command.idempotency..", "..command.processes..", "..command.relay..", "..command.http.."};


    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.supplyline.command", "io.supplyline.support", "io.supplyline.events");

    @Test
    void noPackageImportsOneThatImportsItBack() {
        slices().matching("io.supplyline.command.(*)..")
                .should().beFreeOfCycles()
                .check(PRODUCTION);
    }

    @Test
    void packagesDependDownwards() {
        layeredArchitecture().consideringAllDependencies()
                .layer("Wiring").definedBy("..command.axon..")
                .layer("Features").definedBy(FEATURES)
                .layer("Infrastructure").definedBy(INFRASTRUCTURE)
                .layer("Service support").definedBy("io.supplyline.support..")
                .layer("Contract").definedBy("io.supplyline.events..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Features", "Wiring")
                .whereLayer("Service support").mayOnlyBeAccessedByLayers("Infrastructure", "Features", "Wiring")
                .whereLayer("Contract").mayOnlyBeAccessedByLayers("Service support", "Infrastructure", "Features", "Wiring")
                .check(PRODUCTION);
    }
}
