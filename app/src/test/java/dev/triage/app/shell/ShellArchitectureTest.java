package dev.triage.app.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shell's layering rules: it hosts plugins only through the SPI, view models hold no nodes, one place hops threads. */
class ShellArchitectureTest {

    private static JavaClasses app;

    @BeforeAll
    static void load() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.triage.app");
    }

    @Test
    void theAppKnowsNoPluginClasses() {
        noClasses().that().resideInAPackage("dev.triage.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.triage.plugin..")
                .because("the app finds plugins through the SPI (DESIGN.md: app contains no domain logic)")
                .check(app);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("view models are tested without a window (STYLE.md, pattern 3)")
                .check(app);
    }

    @Test
    void onlyFxHopsToTheJavaFxThread() {
        noClasses().that().resideInAPackage("dev.triage.app..").and().doNotHaveSimpleName("Fx")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("thread hops go through dev.triage.app.shell.Fx")
                .check(app);
    }

    @Test
    void theCliDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage("dev.triage.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("CLI commands run headless")
                .check(app);
    }
}
