package dev.triage.plugin.rca.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    static EvidenceSpec spec(String id, double weight, boolean required) {
        return new EvidenceSpec(id, "finding", id, "x", "", "", List.of(), null, weight, required);
    }

    static final Rule RULE = new Rule("r", "mysql", "title", "", "", Duration.ofMinutes(10), 0.5,
            List.of(spec("a", 0.6, true), spec("b", 0.3, false), spec("c", 0.1, false)));

    static EvidenceItem at(int minutes) {
        return new EvidenceItem(T.plus(Duration.ofMinutes(minutes)), "item " + minutes, "finding:" + minutes);
    }

    @Test
    void firesWithEverythingInOneWindow() {
        Hypothesis h = RuleEvaluator.evaluate(RULE, Map.of("a", List.of(at(0)), "b", List.of(at(5)), "c", List.of(at(9)))).orElseThrow();
        assertThat(h.confidence()).isEqualTo(1.0);
        assertThat(h.from()).isEqualTo(T);
        assertThat(h.to()).isEqualTo(T.plus(Duration.ofMinutes(9)));
        assertThat(h.evidence()).hasSize(3);
    }

    @Test
    void evidenceOutsideTheWindowDoesNotCount() {
        Hypothesis h = RuleEvaluator.evaluate(RULE, Map.of("a", List.of(at(0)), "b", List.of(at(30)))).orElseThrow();
        assertThat(h.confidence()).isEqualTo(0.6);
        assertThat(h.evidence()).extracting(m -> m.spec().id()).containsExactly("a");
    }

    @Test
    void picksTheWindowWithTheMostWeight() {
        Hypothesis h = RuleEvaluator.evaluate(RULE, Map.of("a", List.of(at(0), at(60)), "b", List.of(at(62)), "c", List.of(at(3))))
                .orElseThrow();
        assertThat(h.confidence()).isEqualTo(0.9);
        assertThat(h.from()).isEqualTo(T.plus(Duration.ofMinutes(60)));
    }

    @Test
    void needsTheRequiredEvidenceAndTheMinimumConfidence() {
        assertThat(RuleEvaluator.evaluate(RULE, Map.of("b", List.of(at(0)), "c", List.of(at(0))))).isEmpty();
        Rule strict = new Rule("s", "any", "t", "", "", Duration.ofMinutes(10), 0.7, RULE.evidence());
        assertThat(RuleEvaluator.evaluate(strict, Map.of("a", List.of(at(0))))).isEmpty();
        assertThat(RuleEvaluator.evaluate(strict, Map.of("a", List.of(at(0)), "b", List.of(at(1))))).isPresent();
    }

    @Test
    void untimedEvidenceAlwaysCounts() {
        Hypothesis h = RuleEvaluator.evaluate(RULE, Map.of("a", List.of(at(0)), "c", List.of(new EvidenceItem(null, "fn", "flame:fn"))))
                .orElseThrow();
        assertThat(h.confidence()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    }
}
