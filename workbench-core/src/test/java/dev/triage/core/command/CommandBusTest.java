package dev.triage.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.task.DefaultTaskExecutor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandBusTest {

    record Sum(List<Integer> values, String label) {
    }

    private final DefaultCommandBus bus = new DefaultCommandBus(new DefaultTaskExecutor(1));

    @Test
    void runsTypedCommandsFromObjectsAndFromText() throws Exception {
        bus.register(new CommandSpec<>("math.sum", "Sum", "Adds numbers", Sum.class),
                (a, ctx) -> a.label() + "=" + a.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(bus.execute("math.sum", new Sum(List.of(1, 2), "s"), null)).isEqualTo("s=3");
        assertThat(bus.executeText("math.sum", Map.of("values", List.of("4", "5"), "label", "t"), null)).isEqualTo("t=9");
        assertThat(bus.executeText("math.sum", Map.of("values", "6", "label", "one"), null)).isEqualTo("one=6");
        assertThat(bus.commands()).extracting(CommandSpec::name).containsExactly("math.sum");
        assertThat(bus.find("math.sum").orElseThrow().pluginId()).isEqualTo("math");
    }

    @Test
    void reportsUnknownCommandsBadArgumentsAndFailuresInOneLine() {
        bus.register(new CommandSpec<>("math.sum", "Sum", "", Sum.class), (a, ctx) -> {
            throw new ArithmeticException("overflow");
        });
        assertThatThrownBy(() -> bus.execute("math.nope", null, null)).hasMessage("Unknown command 'math.nope'");
        assertThatThrownBy(() -> bus.executeText("math.sum", Map.of("colour", "red"), null))
                .hasMessageStartingWith("Bad arguments for 'math.sum'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> bus.execute("math.sum", "text", null)).hasMessage("Command 'math.sum' takes Sum, not String");
        assertThatThrownBy(() -> bus.execute("math.sum", new Sum(List.of(), ""), null))
                .hasMessage("Command 'math.sum' failed: overflow");
    }

    @Test
    void oneNameHasOneHandlerAndSubmitRunsAsATask() throws Exception {
        var reg = bus.register(CommandSpec.of("a.b", "AB", ""), (a, ctx) -> 42);
        assertThatThrownBy(() -> bus.register(CommandSpec.of("a.b", "AB", ""), (a, ctx) -> 0))
                .hasMessage("Command 'a.b' is already registered");
        assertThat(bus.submit("a.b", NoArgs.INSTANCE).result().get()).isEqualTo(42);
        reg.close();
        assertThat(bus.find("a.b")).isEmpty();
        assertThatThrownBy(() -> CommandSpec.of("Bad Name", "", "")).hasMessageContaining("dotted lower-case");
    }
}
