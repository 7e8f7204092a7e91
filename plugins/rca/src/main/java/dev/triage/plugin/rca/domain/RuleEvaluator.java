package dev.triage.plugin.rca.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Decides whether a rule fires on the evidence found: every required piece present, in one time window, enough weight. */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /**
     * Evaluates a rule.
     *
     * @param rule the rule
     * @param found the items found per evidence id (absent or empty when nothing was found or the tables are missing)
     * @return the hypothesis, or empty when the rule does not fire
     */
    public static Optional<Hypothesis> evaluate(Rule rule, Map<String, List<EvidenceItem>> found) {
        for (EvidenceSpec s : rule.evidence()) {
            if (s.required() && found.getOrDefault(s.id(), List.of()).isEmpty()) {
                return Optional.empty();
            }
        }
        // Candidate window starts: every timed item; the best window holds the most weight.
        TreeSet<Instant> starts = new TreeSet<>();
        found.values().forEach(items -> items.stream().filter(i -> i.at() != null).forEach(i -> starts.add(i.at())));
        Hypothesis best = null;
        if (starts.isEmpty()) {
            best = build(rule, found, null, null);
        }
        for (Instant start : starts) {
            Instant end = start.plus(rule.window());
            Hypothesis h = build(rule, found, start, end);
            if (h != null && (best == null || h.confidence() > best.confidence())) {
                best = h;
            }
        }
        return best == null || best.confidence() + 1e-9 < rule.minConfidence() ? Optional.empty() : Optional.of(best);
    }

    /** Keeps the items inside the window (untimed items always count); null when a required evidence falls out. */
    private static Hypothesis build(Rule rule, Map<String, List<EvidenceItem>> found, Instant start, Instant end) {
        double total = 0;
        double got = 0;
        List<Hypothesis.Match> matches = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (EvidenceSpec s : rule.evidence()) {
            total += s.weight();
            List<EvidenceItem> in = new ArrayList<>();
            for (EvidenceItem i : found.getOrDefault(s.id(), List.of())) {
                if (start == null || i.at() == null || !i.at().isBefore(start) && !i.at().isAfter(end)) {
                    in.add(i);
                    if (i.at() != null) {
                        first = first == null || i.at().isBefore(first) ? i.at() : first;
                        last = last == null || i.at().isAfter(last) ? i.at() : last;
                    }
                }
            }
            if (in.isEmpty()) {
                if (s.required()) {
                    return null;
                }
                continue;
            }
            got += s.weight();
            matches.add(new Hypothesis.Match(s, in));
        }
        return new Hypothesis(rule, total == 0 ? 1 : Math.round(got / total * 10_000) / 10_000.0, first, last, matches);
    }
}
