package dev.triage.plugin.overview;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.triage.testkit.ArchitectureRules;

@AnalyzeClasses(packages = "dev.triage.plugin.overview", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchitectureRules.plugins();
}
