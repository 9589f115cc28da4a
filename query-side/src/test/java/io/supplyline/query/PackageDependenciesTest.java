package io.supplyline.query;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Packages depend downwards: the feature packages (the read models, their administration, the live
 * stream and the dashboard's session) on the query side's shared infrastructure, that on the glue both
 * services share (service-support) and the contract (shared-events).
 * No package imports one that imports it back.
 */
class PackageDependenciesTest {

    private static final String[] FEATURES = {"..query.stock..", "..query.orders..", "..query.shipments..",
            "..query.purchasing..", "..query.suppliers..", "..query.overview..", "..query.alerts..",
            "..query.admin..", "..query.session..", "..query.live.."};

    private static final String[] INFRASTRUCTURE = {"..query.projection..", "..query.engine..", "..query.stream..",
            "..query.http.."};


    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.supplyline.query", "io.supplyline.support", "io.supplyline.events");

    @Test
    void noPackageImportsOneThatImportsItBack() {
        slices().matching("io.supplyline.query.(*)..")
                .should().beFreeOfCycles()
                .check(PRODUCTION);
    }

    @Test
    void packagesDependDownwards() {
        layeredArchitecture().consideringAllDependencies()
                .layer("Features").definedBy(FEATURES)
                .layer("Infrastructure").definedBy(INFRASTRUCTURE)
                .layer("Service support").definedBy("io.supplyline.support..")
                .layer("Contract").definedBy("io.supplyline.events..")
                .whereLayer("Features").mayNotBeAccessedByAnyLayer()
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Features")
                .whereLayer("Service support").mayOnlyBeAccessedByLayers("Infrastructure", "Features")
                .whereLayer("Contract").mayOnlyBeAccessedByLayers("Service support", "Infrastructure", "Features")
                .check(PRODUCTION);
    }
}
