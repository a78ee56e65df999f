package jp.tsunagari;

import org.junit.jupiter.api.Test;
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

    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
