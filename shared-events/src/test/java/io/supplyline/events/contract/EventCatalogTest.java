package io.supplyline.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.EventType;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.inventory.StockAdjusted;

/** The catalog is complete and every event has a stable, unique name. */
class EventCatalogTest {

    @Test
    void everyClassWithARevisionIsInTheCatalogAndNamed() throws Exception {
        List<Class<?>> annotated = mainClasses().filter(type -> type.isAnnotationPresent(EventRevision.class)).toList();

        assertThat(annotated).hasSize(28);
        assertThat(List.<Class<?>>copyOf(EventCatalog.EVENTS)).containsExactlyInAnyOrderElementsOf(annotated);
        assertThat(annotated).allSatisfy(type ->
                assertThat(type.getAnnotation(EventName.class)).as(type.getName() + " has no @EventName").isNotNull());
    }

    @Test
    void namesAreUniqueSoThatNoTwoEventsShareASchema() {
        assertThat(EventCatalog.EVENTS.stream().map(type -> EventType.of(type).name())).doesNotHaveDuplicates();
    }

    @Test
    void theTypeNameCarriesTheRevisionAndTheSchemaUriNamesIt() {
        EventType adjusted = EventType.of(StockAdjusted.class);
        assertThat(adjusted.typeName()).isEqualTo("supplyline.inventory.StockAdjusted.v1");
        assertThat(adjusted.schemaUri())
                .isEqualTo("https://supplyline.io/schemas/events/supplyline.inventory.StockAdjusted.v1.schema.json");
        assertThat(EventType.of(ProductRegistered.class).typeName()).isEqualTo("supplyline.catalog.ProductRegistered.v2");
    }

    @Test
    void aTypeNameLeadsBackToItsClass() {
        assertThat(EventCatalog.byTypeName("supplyline.catalog.ProductRegistered.v2")).contains(ProductRegistered.class);
        assertThat(EventCatalog.byTypeName("supplyline.catalog.ProductRegistered.v1")).isEmpty();
    }

    @Test
    void aClassThatIsNoEventHasNoType() {
        assertThatThrownBy(() -> EventType.of(Sku.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sku is not an event");
    }

    @Test
    void aNameOutsideTheNamingRuleIsRefused() {
        assertThatThrownBy(() -> new EventType("io.supplyline.events.inventory.StockAdjusted", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The compiled classes of this module (not its tests), found where the catalog class itself was loaded from. */
    private static Stream<Class<?>> mainClasses() throws IOException, URISyntaxException {
        Path root = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "."))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> name.startsWith("io.supplyline.events."))
                    .<Class<?>>map(EventCatalogTest::load)
                    .toList().stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
