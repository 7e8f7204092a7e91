package dev.triage.plugin.flame.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FunctionTableTest {

    @Test
    void selectPicksTheTopRowsInEachOrderAsAFullSortWould() {
        StackTrie t = new StackTrie(new FrameTable());
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            List<String> stack = new ArrayList<>();
            int depth = 1 + r.nextInt(6);
            for (int d = 0; d < depth; d++) {
                stack.add("f" + r.nextInt(400));
            }
            t.add(stack, 1 + r.nextInt(9));
        }
        FunctionTable table = FunctionTable.of(t);
        List<FunctionStat> all = new ArrayList<>(table.unordered());
        assertThat(table.size()).isEqualTo(all.size());
        assertThat(all.stream().mapToLong(FunctionStat::self).sum()).isEqualTo(t.grandTotal());

        List<FunctionStat> bySelf = new ArrayList<>(all);
        bySelf.sort(FunctionStat.BY_SELF);
        assertThat(table.asList()).containsExactlyElementsOf(bySelf);
        assertThat(table.top(25)).containsExactlyElementsOf(bySelf.subList(0, 25));

        Comparator<FunctionStat> byTotalThenSelf = Comparator.comparingLong(FunctionStat::total).reversed()
                .thenComparing(FunctionStat.BY_SELF);
        List<FunctionStat> byTotal = new ArrayList<>(all);
        byTotal.sort(byTotalThenSelf);
        assertThat(table.select("", FunctionTable.Key.TOTAL, true, 40)).containsExactlyElementsOf(byTotal.subList(0, 40));
        byTotal.sort(byTotalThenSelf.reversed());
        assertThat(table.select("", FunctionTable.Key.TOTAL, false, 10)).extracting(FunctionStat::total)
                .containsExactlyElementsOf(byTotal.subList(0, 10).stream().map(FunctionStat::total).toList());

        List<FunctionStat> named = all.stream().filter(f -> f.name().contains("f1")).sorted(Comparator.comparing(FunctionStat::name))
                .toList();
        assertThat(table.select("F1", FunctionTable.Key.NAME, false, 100_000)).containsExactlyElementsOf(named);
        assertThat(table.select("nothing", FunctionTable.Key.SELF, true, 10)).isEmpty();
        assertThat(table.top(0)).isEmpty();
    }
}
