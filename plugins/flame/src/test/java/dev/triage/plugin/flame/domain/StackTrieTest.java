package dev.triage.plugin.flame.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackTrieTest {

    @Test
    void mergesEqualPrefixesAndCountsSelfAndTotal() {
        StackTrie t = new StackTrie(new FrameTable());
        t.add(List.of("main", "a", "b"), 3);
        t.add(List.of("main", "a"), 2);
        t.add(List.of("main", "c"), 5);
        assertThat(t.grandTotal()).isEqualTo(10);
        assertThat(t.size()).isEqualTo(5);
        int main = t.findChild(StackTrie.ROOT, t.frames().find("main"));
        int a = t.findChild(main, t.frames().find("a"));
        assertThat(t.total(main)).isEqualTo(10);
        assertThat(t.self(main)).isZero();
        assertThat(t.total(a)).isEqualTo(5);
        assertThat(t.self(a)).isEqualTo(2);
        assertThat(t.depth(a)).isEqualTo(2);
        assertThat(t.path(a)).containsExactly("main", "a");
        assertThat(t.folded()).containsExactly("main;a 2", "main;a;b 3", "main;c 5");
    }

    @Test
    void functionTotalsCountRecursionOncePerStack() {
        StackTrie t = new StackTrie(new FrameTable());
        t.add(List.of("main", "f", "f", "f"), 4);
        t.add(List.of("main", "g", "f"), 1);
        List<FunctionStat> fs = FunctionStat.of(t);
        assertThat(fs).contains(new FunctionStat("f", 5, 5), new FunctionStat("main", 0, 5), new FunctionStat("g", 0, 1));
        assertThat(fs.get(0).name()).isEqualTo("f");
    }

    @Test
    void manyNodesGrowTheArraysAndTheChildMap() {
        StackTrie t = new StackTrie(new FrameTable());
        for (int i = 0; i < 20_000; i++) {
            t.add(List.of("root", "f" + (i % 5000), "g" + i), 1);
        }
        assertThat(t.size()).isEqualTo(1 + 1 + 5000 + 20_000);
        assertThat(t.grandTotal()).isEqualTo(20_000);
        assertThat(t.frames().size()).isEqualTo(1 + 1 + 5000 + 20_000);
    }

    @Test
    void aTimelineSlicesTheGraphToATimeRange() {
        StackTrie t = new StackTrie(new FrameTable());
        Timeline timeline = new Timeline();
        timeline.add(100, t.add(new int[] {t.frames().intern("main"), t.frames().intern("a")}, 2, 1), 1);
        timeline.add(200, t.add(new int[] {t.frames().intern("main"), t.frames().intern("b")}, 2, 4), 4);
        timeline.add(300, t.add(new int[] {t.frames().intern("main"), t.frames().intern("a")}, 2, 2), 2);
        assertThat(timeline.start()).isEqualTo(100);
        assertThat(timeline.end()).isEqualTo(300);
        assertThat(timeline.histogram(2)).containsExactly(1, 6);
        assertThat(timeline.slice(t, 150, 300).folded()).containsExactly("main;a 2", "main;b 4");
        assertThat(timeline.slice(t, 0, 1000).folded()).isEqualTo(t.folded());
    }

    @Test
    void leftHeavyPutsTheHeaviestChildFirstAndNameOrderOtherwise() {
        StackTrie t = new StackTrie(new FrameTable());
        t.add(List.of("main", "a"), 1);
        t.add(List.of("main", "b"), 5);
        t.add(List.of("main", "c"), 3);
        int main = t.findChild(StackTrie.ROOT, t.frames().find("main"));
        java.util.function.Function<Boolean, List<String>> row = heavy -> FlameLayout.layout(t, StackTrie.ROOT, 90, 0.5, 10, heavy)
                .stream().filter(b -> b.level() == 2).sorted(java.util.Comparator.comparingDouble(FlameLayout.Box::x))
                .map(b -> t.name(b.node())).toList();
        assertThat(row.apply(false)).containsExactly("a", "b", "c");
        assertThat(row.apply(true)).containsExactly("b", "c", "a");
        assertThat(FlameLayout.layout(t, main, 90, 0.5, 10, true)).first().satisfies(b -> assertThat(b.node()).isEqualTo(StackTrie.ROOT));
    }
}
