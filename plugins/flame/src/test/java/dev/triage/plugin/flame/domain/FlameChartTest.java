package dev.triage.plugin.flame.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlameChartTest {

    @Test
    void samplesLineUpInTimeOrderAndNeighboursWithTheSameFrameMerge() {
        StackTrie t = new StackTrie(new FrameTable());
        FrameTable f = t.frames();
        int a = t.add(new int[] {f.intern("main"), f.intern("load")}, 2, 1);
        int b = t.add(new int[] {f.intern("main"), f.intern("work"), f.intern("hash")}, 3, 1);
        Timeline time = new Timeline();
        // recorded out of order: load, load at 10/20 ns, work at 30/40, load again at 50, weights 1, 1, 2, 2, 4
        time.add(30, b, 2);
        time.add(10, a, 1);
        time.add(50, a, 4);
        time.add(20, a, 1);
        time.add(40, b, 2);
        List<FlameLayout.Box> boxes = FlameChart.layout(time, t, Long.MIN_VALUE, Long.MAX_VALUE, 100, 0.5, 10);
        int main = t.parent(a);
        assertThat(boxes).contains(new FlameLayout.Box(StackTrie.ROOT, 0, 100, 0), new FlameLayout.Box(main, 0, 100, 1),
                new FlameLayout.Box(a, 0, 20, 2), new FlameLayout.Box(t.parent(b), 20, 40, 2), new FlameLayout.Box(b, 20, 40, 3),
                new FlameLayout.Box(a, 60, 40, 2));
        assertThat(boxes).hasSize(6);

        // a time range keeps only its samples, spread over the whole width; one row only keeps the root
        assertThat(FlameChart.layout(time, t, 25, 45, 100, 0.5, 10)).contains(new FlameLayout.Box(b, 0, 100, 3)).hasSize(4);
        assertThat(FlameChart.layout(time, t, 25, 45, 100, 0.5, 1)).hasSize(1);
        assertThat(FlameChart.layout(time, t, 60, 70, 100, 0.5, 10)).isEmpty();
        assertThat(time.timeOrder()).containsExactly(1, 3, 0, 4, 2);
    }
}
