package dev.triage.core.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.triage.testkit.ArchitectureRules;

@AnalyzeClasses(packages = "dev.triage.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoPluginOrApp = ArchitectureRules.CORE_KNOWS_NO_PLUGIN_OR_APP;

    @ArchTest
    static final ArchRule onlyCoreUiUsesJavaFx = ArchitectureRules.ONLY_CORE_UI_USES_JAVAFX;

    @ArchTest
    static final ArchRule noSystemOut = ArchitectureRules.NO_SYSTEM_OUT;
}
