package jp.tsunagari;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: each top-level package is a module; others may use only its top-level public types, and
 * modules must not depend on each other in cycles. Also writes the module diagram (target/spring-modulith-docs).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CatalogueApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
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
