package dev.triage.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of DESIGN.md and STYLE.md, run by a small ArchUnit test in each module. */
public final class ArchitectureRules {

    /** The kernel knows no plugin and no app class. */
    public static final ArchRule CORE_KNOWS_NO_PLUGIN_OR_APP = noClasses().that().resideInAPackage("dev.triage.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.plugin..", "dev.triage.app..")
            .because("workbench-core is the bottom layer (DESIGN.md)");

    /** Only the view SPI of the kernel touches JavaFX. */
    public static final ArchRule ONLY_CORE_UI_USES_JAVAFX = noClasses().that().resideInAPackage("dev.triage.core..")
            .and().resideOutsideOfPackage("dev.triage.core.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the kernel runs headless for the CLI and tests");

    /** A plugin's domain is pure: no I/O, no UI, no other layer. */
    public static final ArchRule PLUGIN_DOMAIN_IS_PURE = noClasses().that().resideInAPackage("dev.triage.plugin.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..ui..", "javafx..",
                    "java.sql..")
            .allowEmptyShould(true);

    /** A plugin's application layer uses no infrastructure, UI, JavaFX or JDBC. */
    public static final ArchRule PLUGIN_APPLICATION_HAS_NO_IO = noClasses().that()
            .resideInAPackage("dev.triage.plugin.*.application..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.plugin.*.infrastructure..", "dev.triage.plugin.*.ui..",
                    "javafx..", "java.sql..")
            .allowEmptyShould(true);

    /** Plugins never use each other's classes; they meet through services and events. */
    public static final ArchRule PLUGINS_ARE_INDEPENDENT = slices().matching("dev.triage.plugin.(*)..")
            .should().notDependOnEachOther().allowEmptyShould(true);

    /** Nothing prints to the console except the CLI. */
    public static final ArchRule NO_SYSTEM_OUT = noClasses().that().resideOutsideOfPackage("dev.triage.app.cli..")
            .and().doNotHaveSimpleName("Launcher")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("logging goes through SLF4J");

    private ArchitectureRules() {
    }

    /** The rules every kernel class follows, for {@code @ArchTest static final ArchTests rules = ArchitectureRules.core();}. */
    public static final class Core {
        @ArchTest
        static final ArchRule knowsNoPluginOrApp = CORE_KNOWS_NO_PLUGIN_OR_APP;
        @ArchTest
        static final ArchRule onlyUiUsesJavaFx = ONLY_CORE_UI_USES_JAVAFX;
        @ArchTest
        static final ArchRule noSystemOut = NO_SYSTEM_OUT;

        private Core() {
        }
    }

    /** The rules every plugin module follows. */
    public static final class Plugins {
        @ArchTest
        static final ArchRule domainIsPure = PLUGIN_DOMAIN_IS_PURE;
        @ArchTest
        static final ArchRule applicationHasNoIo = PLUGIN_APPLICATION_HAS_NO_IO;
        @ArchTest
        static final ArchRule independent = PLUGINS_ARE_INDEPENDENT;
        @ArchTest
        static final ArchRule noSystemOut = NO_SYSTEM_OUT;

        private Plugins() {
        }
    }

    /**
     * Returns the kernel's rules as one ArchUnit test group.
     *
     * @return the rules
     */
    public static ArchTests core() {
        return ArchTests.in(Core.class);
    }

    /**
     * Returns the plugin rules as one ArchUnit test group.
     *
     * @return the rules
     */
    public static ArchTests plugins() {
        return ArchTests.in(Plugins.class);
    }
}
