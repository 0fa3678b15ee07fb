package org.takedown.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between capability packages ({@code org.takedown.<capability>}), as docs/architecture.md draws them.
 * Each rule is also run against {@code org.takedown.arch.violations}, which breaks it on purpose, so a rule that
 * stopped seeing anything would fail here too.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.takedown");

    private static final JavaClasses VIOLATIONS =
            new ClassFileImporter().importPackages("org.takedown.arch.violations");

    private static final DescribedPredicate<JavaClass> ENTITY =
            DescribedPredicate.describe("entities", type -> type.isAnnotatedWith("jakarta.persistence.Entity"));

    /** The classes that answer a request on a seized Host: they read the in-memory snapshot, never the database. */
    private static final List<String> BANNER_PATH = List.of(
            "org.takedown.seizure.HostRouter",
            "org.takedown.seizure.RequestHost",
            "org.takedown.seizure.BannerResponder",
            "org.takedown.seizure.BannerSnapshots",
            "org.takedown.seizure.BannerSnapshot",
            "org.takedown.seizure.LiveHost",
            "org.takedown.seizure.OperationBanner",
            "org.takedown.seizure.LanguageChoice",
            "org.takedown.seizure.BannerRenderer",
            "org.takedown.seizure.RenderedPage");

    @Test
    void capabilitiesDependOnEachOtherWithoutCycles() {
        noCycles("org.takedown").check(MAIN);
        assertViolated(noCycles("org.takedown.arch.violations"), "Cycle detected");
    }

    @Test
    void anEntityIsWrittenOnlyByItsOwnCapability() {
        entityWrites().check(MAIN);
        assertViolated(entityWrites(), "sets field <org.takedown.operation.Operation.status>");
    }

    @Test
    void onlyTheOperationCapabilityLocksOperations() {
        operationLocks().check(MAIN);
        assertViolated(operationLocks(), "calls method <org.takedown.operation.Operation.findById");
    }

    @Test
    void theConsoleNeverQueriesAnEntityItself() {
        consoleQueries("org.takedown.console..").check(MAIN);
        assertViolated(
                consoleQueries("org.takedown.arch.violations.."),
                "calls method <org.takedown.security.UserAccount.listAll");
    }

    @Test
    void theBannerPathNeverTouchesTheDatabase() {
        bannerPath(BANNER_PATH).check(MAIN);
        BANNER_PATH.forEach(name -> assertTrue(MAIN.contain(name), name + " is where this test looks for it"));
        assertViolated(bannerPath(List.of("org.takedown.arch.violations.a.StrayWrites")), "jakarta.persistence");
    }

    private static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    private static ArchRule entityWrites() {
        return classes()
                .should(new ArchCondition<JavaClass>("write no field of another capability's entity") {
                    @Override
                    public void check(JavaClass writer, ConditionEvents events) {
                        writer.getFieldAccessesFromSelf().stream()
                                .filter(access -> access.getAccessType() == AccessType.SET)
                                .filter(access -> ENTITY.test(access.getTargetOwner()))
                                .filter(access ->
                                        !capability(access.getTargetOwner()).equals(capability(writer)))
                                .forEach(access ->
                                        events.add(SimpleConditionEvent.violated(access, access.getDescription())));
                    }
                })
                .because(
                        "a capability changes another's data through its services, which keep the rules and the audit");
    }

    private static ArchRule operationLocks() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("org.takedown.operation..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "the method locks an operation entity",
                        call -> call.getTargetOwner().getPackageName().startsWith("org.takedown.operation")
                                && call.getTarget().getRawParameterTypes().stream()
                                        .anyMatch(type -> type.getName().equals("jakarta.persistence.LockModeType"))))
                .because("OperationService.lockForEdit is the one door to editing an operation (four eyes, audit)");
    }

    private static ArchRule consoleQueries(String consolePackage) {
        return noClasses()
                .that()
                .resideInAPackage(consolePackage)
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "the method is a static finder of an entity",
                        call -> ENTITY.test(call.getTargetOwner())
                                && call.getTarget()
                                        .resolveMember()
                                        .map(member -> member.getModifiers().contains(JavaModifier.STATIC))
                                        .orElse(true)))
                .because("the console calls the same services as the API");
    }

    private static ArchRule bannerPath(List<String> classes) {
        return noClasses()
                .that()
                .haveNameMatching(String.join(
                        "|",
                        classes.stream()
                                .map(name -> name.replace(".", "\\.") + "(\\$.*)?")
                                .toList()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..",
                        "jakarta.transaction..",
                        "io.quarkus.hibernate..",
                        "io.quarkus.narayana..",
                        "org.hibernate..",
                        "io.agroal..",
                        "java.sql..")
                .orShould()
                .dependOnClassesThat(ENTITY)
                .because("a seized host is answered from the in-memory snapshot, whatever the database is doing");
    }

    private static String capability(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : type.getPackageName();
    }

    private static void assertViolated(ArchRule rule, String expected) {
        EvaluationResult result = rule.evaluate(VIOLATIONS);
        assertTrue(result.hasViolation(), "the deliberate violation breaks the rule: " + rule.getDescription());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(expected), report);
    }
}
