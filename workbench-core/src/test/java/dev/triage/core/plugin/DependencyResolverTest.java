package dev.triage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyResolverTest {

    private static final Version CORE = Version.parse("0.1.0");

    @Test
    void ordersDependenciesFirst() {
        var r = DependencyResolver.resolve(List.of(
                PluginDescriptor.of("a", "A", "1.0", "b", "c@[1.0,2.0)"),
                PluginDescriptor.of("b", "B", "1.0", "c"),
                PluginDescriptor.of("c", "C", "1.5", "core@[0.1,1.0)")), CORE);
        assertThat(r.problems()).isEmpty();
        assertThat(r.order()).containsExactly("c", "b", "a");
    }

    @Test
    void reportsMissingWrongVersionCoreAndCycles() {
        var r = DependencyResolver.resolve(List.of(
                PluginDescriptor.of("needs-missing", "", "1.0", "ghost"),
                PluginDescriptor.of("needs-new", "", "1.0", "base@[2.0,)"),
                PluginDescriptor.of("base", "", "1.0"),
                PluginDescriptor.of("needs-core", "", "1.0", "core@[5.0,)"),
                PluginDescriptor.of("x", "", "1.0", "y"),
                PluginDescriptor.of("y", "", "1.0", "x")), CORE);
        assertThat(r.problems().get("needs-missing")).isEqualTo(
                "Plugin 'needs-missing' requires plugin 'ghost' *, which is not installed");
        assertThat(r.problems().get("needs-new")).isEqualTo(
                "Plugin 'needs-new' requires plugin 'base' 2.0.0, but 'base' is version 1.0.0");
        assertThat(r.problems().get("needs-core")).contains("requires core 5.0.0", "core is 0.1.0");
        assertThat(r.problems().get("x")).contains("dependency cycle", "x -> y -> x");
        assertThat(r.problems()).containsKey("y");
        assertThat(r.order()).containsExactly("base");
    }
}
