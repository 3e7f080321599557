package org.carillon.pbx;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module and package rules of ARCHITECTURE.md. The compiler already stops a module from using one it does not
 * depend on; these rules cover what it cannot see.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.carillon");
    }

    @Test
    void pbxFeaturePackagesHaveNoCycles() {
        slices().matching("org.carillon.pbx.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void sipStackLayersHaveNoCycles() {
        slices().matching("org.carillon.sip.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void protocolModulesKnowNothingOfSpringOrThePbx() {
        noClasses().that().resideInAnyPackage("org.carillon.sip..", "org.carillon.media..", "org.carillon.licensekey..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.carillon.pbx..",
                        "org.carillon.platform..", "org.carillon.portal..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void platformKnowsNothingOfCallsOrMoney() {
        noClasses().that().resideInAPackage("org.carillon.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.carillon.pbx..", "org.carillon.portal..",
                        "org.carillon.sip..", "org.carillon.media..")
                .check(classes);
    }

    @Test
    void noGrabBagPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..", "..managers..")
                .allowEmptyShould(true).check(classes);
    }

    /** {@code ApplicationEvent(Object)} takes its timestamp from the system clock; events take the injected one. */
    @Test
    void applicationEventsTakeTheirTimeFromTheInjectedClock() {
        noClasses().that().areAssignableTo(ApplicationEvent.class)
                .should().callConstructor(ApplicationEvent.class, Object.class)
                .because("every \"now\" goes through the injected Clock (STYLE.md): pass it to ApplicationEvent's"
                        + " (source, clock) constructor")
                .allowEmptyShould(true).check(classes);
    }

    /** The PBX reads the time only from the injected Clock, so tests can set it and ids follow it (CallIds). */
    @Test
    void pbxCodeReadsTheTimeFromTheInjectedClock() {
        noClasses().that().resideInAPackage("org.carillon.pbx..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .because("every \"now\" goes through the injected Clock (STYLE.md)")
                .check(classes);
    }

    @Test
    void sipStackNeverReachesUpALayer() {
        noClasses().that().resideInAPackage("org.carillon.sip.message..")
                .should().dependOnClassesThat().resideInAnyPackage("org.carillon.sip.transport..",
                        "org.carillon.sip.transaction..", "org.carillon.sip.dialog..", "org.carillon.sip.stack..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.carillon.sip.transaction..")
                .should().dependOnClassesThat().resideInAnyPackage("org.carillon.sip.dialog..", "org.carillon.sip.stack..")
                .allowEmptyShould(true).check(classes);
    }
}
