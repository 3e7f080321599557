package org.carillon.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rules of the media module: no cycles, the low layers know nothing of the ones above. */
class ArchitectureTest {

    // Importing the module's own output directory instead of scanning the class path keeps this test fast.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target", "classes"));

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.carillon.media.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void protocolAndCodecPackagesDoNotReachUpToLegsRelayOrPlayers() {
        noClasses().that().resideInAnyPackage("..media.rtp..", "..media.rtcp..", "..media.sdp..", "..media.codec..",
                        "..media.offer..", "..media.dtmf..", "..media.wav..", "..media.port..", "..media.time..")
                .should().dependOnClassesThat().resideInAnyPackage("..media.leg..", "..media.relay..",
                        "..media.play..", "..media.record..")
                .check(CLASSES);
    }

    @Test
    void mediaKnowsNothingOfSipOrThePbx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.carillon.sip..", "org.carillon.pbx..")
                .check(CLASSES);
    }
}
