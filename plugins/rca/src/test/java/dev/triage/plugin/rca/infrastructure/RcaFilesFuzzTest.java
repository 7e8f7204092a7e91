package dev.triage.plugin.rca.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.plugin.rca.domain.KnownIssue;
import dev.triage.plugin.rca.domain.Rule;
import dev.triage.plugin.rca.domain.Version;
import dev.triage.plugin.rca.domain.VersionRange;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files a user can edit or bring for the root-cause plugin (rules TOML, known-issues TOML, version ranges): any input
 * either loads into complete entries or is refused with an IllegalArgumentException naming the file or the bad part
 * (issue 12).
 */
class RcaFilesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void aRulesFileLoadsIntoCompleteRulesOrIsRefusedByName(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<Rule> rules;
        try {
            rules = RuleFile.parse(text, "fuzz-rules.toml");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz-rules.toml");
            return;
        }
        for (Rule r : rules) {
            assertThat(r.id()).isNotBlank();
            assertThat(r.title()).isNotNull();
            assertThat(r.evidence()).isNotEmpty();
        }
        assertThat(rules.stream().map(Rule::id).distinct().count()).as("rule ids are unique").isEqualTo(rules.size());
    }

    @FuzzTest(maxDuration = "60s")
    void aKnownIssuesFileLoadsIntoCompleteIssuesOrIsRefusedByName(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        List<KnownIssue> issues;
        try {
            issues = KnownIssueLookup.parse(text, "fuzz-issues.toml");
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("fuzz-issues.toml");
            return;
        }
        for (KnownIssue k : issues) {
            assertThat(k.affected()).isNotNull();
            k.affected().contains(Version.parse("8.0.30"));
            k.mentions("crash");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void aVersionRangeEitherParsesAndAnswersOrSaysWhichPartIsBad(FuzzedDataProvider in) {
        String range = in.consumeString(80);
        String version = in.consumeRemainingAsString();
        VersionRange r;
        try {
            r = VersionRange.parse(range);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        Version v;
        try {
            v = Version.parse(version);
        } catch (IllegalArgumentException refused) {
            return;
        }
        boolean inside = r.contains(v);
        assertThat(r.intervals().stream().anyMatch(i -> i.contains(v))).as("a range holds a version when one interval does")
                .isEqualTo(inside);
    }
}
