package dev.triage.plugin.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.ui.ShowCommand;
import dev.triage.core.ui.ShowView;
import dev.triage.testkit.TestKernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code flame:<function>} evidence link: {@code flame.show} prints the function's samples per profile and opens the view on it. */
class FlameShowCommandTest {

    @TempDir
    Path home;

    @Test
    void describesTheFunctionInEveryProfileAndAsksTheWindowToHighlightIt() throws Exception {
        // both profiles in one import: each function row knows its file (flame schema version 2)
        Path before = Files.writeString(home.resolve("before.folded"), FlamePluginTest.BEFORE);
        Path after = Files.writeString(home.resolve("after.folded"), FlamePluginTest.AFTER);
        try (Kernel kernel = TestKernels.create(home.resolve("app"), Duration.ofSeconds(10)).startPlugins()) {
            Case c = kernel.cases().create(home.resolve("case"), "demo");
            kernel.imports().importFiles(c, List.of(before, after)).result().get();
            BlockingQueue<ShowView> asked = new LinkedBlockingQueue<>();
            try (var sub = kernel.events().subscribe(ShowView.class, asked::add)) {
                ShowCommand.Shown shown = (ShowCommand.Shown) kernel.commands().executeText("flame.show", Map.of("ref", "flame:net.read"),
                        FlamePluginTest.NONE);
                assertThat(shown.text().lines().toList()).containsExactly("net.read",
                        "  before.folded: self 50, total 50 of 100 count",
                        "  after.folded: self 20, total 20 of 200 count");
                assertThat(asked.poll(30, TimeUnit.SECONDS)).isEqualTo(new ShowView(FlamePlugin.VIEW_ID, "net.read"));
            }
        }
    }
}
