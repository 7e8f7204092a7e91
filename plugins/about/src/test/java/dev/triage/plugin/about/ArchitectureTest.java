package dev.triage.plugin.about;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.triage.testkit.ArchitectureRules;

@AnalyzeClasses(packages = {"dev.triage.plugin", "dev.triage.core"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.PLUGIN_DOMAIN_IS_PURE;

    @ArchTest
    static final ArchRule applicationHasNoIo = ArchitectureRules.PLUGIN_APPLICATION_HAS_NO_IO;

    @ArchTest
    static final ArchRule pluginsAreIndependent = ArchitectureRules.PLUGINS_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule noSystemOut = ArchitectureRules.NO_SYSTEM_OUT;
}
