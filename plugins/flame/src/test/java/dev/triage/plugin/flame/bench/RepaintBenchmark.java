package dev.triage.plugin.flame.bench;

import dev.triage.plugin.flame.domain.FlameLayout;
import dev.triage.plugin.flame.domain.FrameTable;
import dev.triage.plugin.flame.domain.StackTrie;
import dev.triage.plugin.flame.infrastructure.FileProfileLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU part of one repaint of the flame graph at 1440×900 (50 rows): laying out the visible boxes of the whole graph,
 * and of the graph zoomed into each node on its widest path, as a user clicking down and back does. The profile is
 * {@code -Dtriage.bench.file=FILE} (such as the gen-folded.py output) or, without it, a generated 100,000-stack trie.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RepaintBenchmark {

    private StackTrie trie;
    private int[] zoomPath;
    private int next;

    /**
     * Loads or generates the profile and finds the widest path.
     *
     * @throws Exception when the file cannot be read
     */
    @Setup
    public void load() throws Exception {
        String file = System.getProperty("triage.bench.file");
        trie = file == null ? generated() : new FileProfileLoader().load(Path.of(file), null, null).trie();
        int[] path = new int[40];
        int depth = 0;
        for (int n = StackTrie.ROOT; depth < path.length && trie.childCount(n) > 0; depth++) {
            int best = -1;
            for (int c : trie.children(n)) {
                if (best < 0 || trie.total(c) > trie.total(best)) {
                    best = c;
                }
            }
            path[depth] = best;
            n = best;
        }
        zoomPath = java.util.Arrays.copyOf(path, Math.max(1, depth));
        // sort the children of every node the benchmark will draw once, as the first repaint does
        for (int z : zoomPath) {
            FlameLayout.layout(trie, z, 1440, 0.5, 50);
        }
        FlameLayout.layout(trie, StackTrie.ROOT, 1440, 0.5, 50);
    }

    private static StackTrie generated() {
        StackTrie t = new StackTrie(new FrameTable());
        Random r = new Random(5);
        int[] ids = new int[80];
        for (int s = 0; s < 100_000; s++) {
            int depth = 5 + r.nextInt(60);
            for (int d = 0; d < depth; d++) {
                ids[d] = t.frames().intern("f" + (d < 8 ? r.nextInt(20) : r.nextInt(20_000)));
            }
            t.add(ids, depth, 1 + r.nextInt(50));
        }
        return t;
    }

    /**
     * Lays out the unzoomed graph.
     *
     * @return the boxes
     */
    @Benchmark
    public List<FlameLayout.Box> wholeGraph() {
        return FlameLayout.layout(trie, StackTrie.ROOT, 1440, 0.5, 50);
    }

    /**
     * Lays out the graph zoomed into the next node of the widest path.
     *
     * @return the boxes
     */
    @Benchmark
    public List<FlameLayout.Box> zoomed() {
        int z = zoomPath[next++ % zoomPath.length];
        return FlameLayout.layout(trie, z, 1440, 0.5, 50);
    }

    /**
     * Lays out the graph left-heavy (children sorted by weight on every repaint).
     *
     * @return the boxes
     */
    @Benchmark
    public List<FlameLayout.Box> wholeGraphLeftHeavy() {
        return FlameLayout.layout(trie, StackTrie.ROOT, 1440, 0.5, 50, true);
    }
}
