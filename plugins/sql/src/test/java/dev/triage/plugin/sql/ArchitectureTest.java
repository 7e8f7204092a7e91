package dev.triage.plugin.sql;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.triage.testkit.ArchitectureRules;

/**
 * The plugin rules of the testkit; the independence rule is restated so that the DDL checker's published service API
 * ({@code dev.triage.plugin.ddl.api}, its own module) counts as a service interface, not as the DDL plugin's classes.
 */
@AnalyzeClasses(packages = "dev.triage.plugin.sql", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.PLUGIN_DOMAIN_IS_PURE;
    @ArchTest
    static final ArchRule applicationHasNoIo = ArchitectureRules.PLUGIN_APPLICATION_HAS_NO_IO;
    @ArchTest
    static final ArchRule noSystemOut = ArchitectureRules.NO_SYSTEM_OUT;
    @ArchTest
    static final ArchRule independentExceptPublishedApis = slices().matching("dev.triage.plugin.(*)..").should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage("dev.triage.plugin.*.api.."));
}
