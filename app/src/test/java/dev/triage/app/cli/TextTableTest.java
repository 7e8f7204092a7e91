package dev.triage.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void chineseHeadersTakeTwoColumnsPerCharacterSoColumnsStayAligned() {
        TextTable t = new TextTable("版本", "状态");
        t.row("0.1.0", "RUNNING");
        StringWriter out = new StringWriter();
        t.print(new PrintWriter(out, true));
        assertThat(out.toString().lines()).containsExactly("版本   状态", "0.1.0  RUNNING");
        assertThat(TextTable.width("版本 v1")).isEqualTo(7);
    }
}
