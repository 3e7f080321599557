package org.carillon.portal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** STYLE.md rules the compiler cannot see, for the portal's feature packages. */
class PortalArchitectureTest {
    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.carillon.portal");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.carillon.portal.(*)..").should().beFreeOfCycles().check(PORTAL);
    }

    @Test
    void noUtilCommonOrHelpersPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..common..", "..helpers..", "..managers..")
                .check(PORTAL);
    }

    @Test
    void theAccessPackageDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.carillon.portal.access..").should().dependOnClassesThat()
                .resideInAnyPackage("org.carillon.portal.customer..", "org.carillon.portal.order..",
                        "org.carillon.portal.invoice..", "org.carillon.portal.license..", "org.carillon.portal.mfa..")
                .check(PORTAL);
    }
}
