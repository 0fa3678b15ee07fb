package org.takedown.delivery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's door is narrow: the engine knows no channel, and a channel needs nothing of another channel — the
 * test-only memory channel is written against the engine's public types alone.
 */
class EngineBoundaryTest {

    @Test
    void theEngineKnowsNoChannel() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.takedown.delivery");
        noClasses()
                .that()
                .resideInAPackage("org.takedown.delivery..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.takedown.notice..",
                        "org.telegram..",
                        "org.takedown.watch..",
                        "org.takedown.console..",
                        "org.takedown.seizure..")
                .because("channels plug into the engine, not the other way round")
                .check(engine);
    }

    @Test
    void aChannelNeedsOnlyTheEnginesPublicTypes() {
        JavaClasses memory = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.takedown.delivery.memory");
        classes()
                .that()
                .haveNameMatching("org\\.takedown\\.delivery\\.memory\\.MemoryChannel(\\$.*)?")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.takedown.delivery..", "java..", "jakarta..", "org.eclipse.microprofile.config..")
                .check(memory);
    }
}
