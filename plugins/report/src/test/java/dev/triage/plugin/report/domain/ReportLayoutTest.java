package dev.triage.plugin.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportLayoutTest {

    @Test
    void ordersChosenTitlesFirstKeepsNewOnesAndDropsHiddenOnes() {
        ReportLayout l = ReportLayout.defaults().withSections(List.of("C", "gone", "A"), Set.of("B"));
        List<String> available = List.of("A", "B", "C", "D");
        assertThat(l.ordered(available)).containsExactly("C", "A", "B", "D");
        assertThat(l.selected(available)).containsExactly("C", "A", "D");
        assertThat(ReportLayout.defaults().selected(available)).isEqualTo(available);
        assertThat(ReportLayout.defaults().maskLiterals()).isTrue();
    }
}
