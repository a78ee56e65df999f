package jp.tsunagari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: each top-level package is a module; others may use only its top-level public types (its face),
 * never its {@code internal} sub-package; each module names the modules it may use (package-info), and modules must
 * not depend on each other in cycles. Also writes the module diagram (target/spring-modulith-docs).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CatalogueApplication.class);

    /**
     * JPA-mapped types that are part of a module's face on purpose (see each package-info): place values other
     * modules' entities refer to, and the 対象 rules a catalogue program owns.
     */
    static final Set<String> PUBLISHED_MAPPED_TYPES = Set.of("jp.tsunagari.place.Region",
            "jp.tsunagari.place.Prefecture", "jp.tsunagari.place.Municipality", "jp.tsunagari.eligibility.TargetGroup",
            "jp.tsunagari.eligibility.Criterion");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /** The guard is real: a module that uses another's internal package fails verification. */
    @Test
    void aModuleReachingIntoAnotherModulesInsideFails() {
        ApplicationModules fixture = ApplicationModules.of("modulithfixture", location -> true);
        assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'orders' depends on non-exposed type "
                        + "modulithfixture.inventory.internal.StockRow within module 'inventory'");
    }

    /** Entities and repositories are inside their module, except the published mapped types above. */
    @Test
    void entitiesAndRepositoriesAreNotPartOfAnyFace() {
        List<String> exposed = new ArrayList<>();
        for (ApplicationModule module : MODULES) {
            module.getBasePackage().stream()
                    .filter(type -> type.isAnnotatedWith(Entity.class) || type.isAnnotatedWith(Embeddable.class)
                            || type.isAnnotatedWith(MappedSuperclass.class) || type.isAssignableTo(Repository.class))
                    .filter(module::isExposed)
                    .forEach(type -> exposed.add(type.getName()));
        }
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(PUBLISHED_MAPPED_TYPES);
    }

    /** The diagram names every module and draws an arrow for every dependency between two modules. */
    @Test
    void writesTheModuleDiagram() throws IOException {
        Path folder = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String diagram = Files.readString(folder.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(diagram).contains("\"" + module.getDisplayName() + "\", $techn=\"Module\"");
            for (ApplicationModule used : module.getDirectDependencies(MODULES).uniqueModules().toList()) {
                assertThat(diagram).as(module.getDisplayName() + " → " + used.getDisplayName())
                        .containsPattern("Rel\\([\\w.]+\\." + module.getDisplayName() + ", [\\w.]+\\."
                                + used.getDisplayName() + ",");
            }
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).exists();
        }
    }
}
