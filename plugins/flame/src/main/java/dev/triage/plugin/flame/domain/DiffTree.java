package dev.triage.plugin.flame.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares two profiles of the same program, normalised to their totals, per call path and per function. */
public final class DiffTree {

    private DiffTree() {
    }

    /**
     * One function's change.
     *
     * @param name the function
     * @param beforeSelf self share before (0..1)
     * @param afterSelf self share after
     * @param beforeTotal total share before
     * @param afterTotal total share after
     */
    public record Change(String name, double beforeSelf, double afterSelf, double beforeTotal, double afterTotal) {

        /**
         * Returns the change of the self share.
         *
         * @return after minus before
         */
        public double selfDelta() {
            return afterSelf - beforeSelf;
        }

        /**
         * Returns the change of the total share.
         *
         * @return after minus before
         */
        public double totalDelta() {
            return afterTotal - beforeTotal;
        }
    }

    /**
     * For every node of {@code after}, the share of all samples the same call path had in {@code before}.
     *
     * @param after the profile drawn
     * @param before the baseline
     * @return per node of after, the baseline total share (0 where the path is new)
     */
    public static double[] baselineShares(StackTrie after, StackTrie before) {
        double[] out = new double[after.size()];
        int[] match = new int[after.size()];
        match[StackTrie.ROOT] = StackTrie.ROOT;
        double beforeTotal = Math.max(1, before.grandTotal());
        out[StackTrie.ROOT] = before.grandTotal() > 0 ? 1 : 0;
        // nodes are created after their parents, so one pass in id order sees every parent first
        for (int n = 1; n < after.size(); n++) {
            int pm = match[after.parent(n)];
            int m = -1;
            if (pm >= 0) {
                int f = before.frames().find(after.name(n));
                m = f < 0 ? -1 : before.findChild(pm, f);
            }
            match[n] = m;
            out[n] = m < 0 ? 0 : before.total(m) / beforeTotal;
        }
        return out;
    }

    /**
     * Lists every function's change of share, largest absolute change of self share first (then of total share).
     *
     * @param before the baseline
     * @param after the new profile
     * @return the changes
     */
    public static List<Change> changes(StackTrie before, StackTrie after) {
        Map<String, double[]> m = new HashMap<>();
        double tb = Math.max(1, before.grandTotal());
        double ta = Math.max(1, after.grandTotal());
        for (FunctionStat f : FunctionTable.of(before).unordered()) {
            double[] v = m.computeIfAbsent(f.name(), k -> new double[4]);
            v[0] = f.self() / tb;
            v[2] = f.total() / tb;
        }
        for (FunctionStat f : FunctionTable.of(after).unordered()) {
            double[] v = m.computeIfAbsent(f.name(), k -> new double[4]);
            v[1] = f.self() / ta;
            v[3] = f.total() / ta;
        }
        List<Change> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Change(k, v[0], v[1], v[2], v[3])));
        out.sort((a, b) -> {
            int c = Double.compare(Math.abs(b.selfDelta()), Math.abs(a.selfDelta()));
            if (c != 0) {
                return c;
            }
            c = Double.compare(Math.abs(b.totalDelta()), Math.abs(a.totalDelta()));
            return c != 0 ? c : a.name().compareTo(b.name());
        });
        return out;
    }
}
