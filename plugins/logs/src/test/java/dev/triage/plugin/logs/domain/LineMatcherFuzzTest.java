package dev.triage.plugin.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Any query (terms and a regex) on any line: the matcher either refuses the query with an IllegalArgumentException, or its
 * verdict agrees with the terms (every must term in the line, no none term, one any term) and its highlights lie inside
 * the line (issue 12).
 */
class LineMatcherFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void aMatchHasEveryMustTermNoNoneTermAndOneAnyTerm(FuzzedDataProvider data) {
        boolean ignoreCase = data.consumeBoolean();
        List<String> must = terms(data);
        List<String> any = terms(data);
        List<String> none = terms(data);
        String regex = data.consumeBoolean() ? data.consumeString(20) : null;
        String line = data.consumeRemainingAsAsciiString();
        LineMatcher m;
        try {
            m = new LineMatcher(must, any, none, regex, ignoreCase);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        boolean matched = m.matches(line);
        String hay = ignoreCase ? line.toLowerCase(Locale.ROOT) : line;
        if (matched) {
            for (String t : must) {
                assertThat(hay).contains(ignoreCase ? t.toLowerCase(Locale.ROOT) : t);
            }
            for (String t : none) {
                if (!t.isEmpty()) {
                    assertThat(hay).doesNotContain(ignoreCase ? t.toLowerCase(Locale.ROOT) : t);
                }
            }
            if (!any.isEmpty()) {
                assertThat(any).anyMatch(t -> hay.contains(ignoreCase ? t.toLowerCase(Locale.ROOT) : t));
            }
            for (int[] h : m.highlights(line)) {
                assertThat(h[0]).isBetween(0, line.length());
                assertThat(h[1]).isBetween(h[0], line.length());
            }
        } else if (regex == null && none.isEmpty() && !must.isEmpty() && any.isEmpty()) {
            // terms only: a line holding every must term matches
            assertThat(must).anyMatch(t -> !hay.contains(ignoreCase ? t.toLowerCase(Locale.ROOT) : t));
        }
    }

    /** Up to three printable ASCII terms. */
    private static List<String> terms(FuzzedDataProvider data) {
        List<String> out = new ArrayList<>();
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            out.add(data.consumeAsciiString(8).replaceAll("[^\\x20-\\x7e]", ""));
        }
        return out;
    }
}
