package dev.triage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.kernel.Kernel;
import dev.triage.testkit.PluginJarBuilder;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalPluginTest {

    @TempDir
    Path home;

    private static final String SOURCE = """
            package ext.hello;
            import dev.triage.core.command.CommandSpec;
            import dev.triage.core.plugin.*;
            public class HelloPlugin implements Plugin {
                public PluginDescriptor descriptor() { return PluginDescriptor.of("hello", "Hello", "1.2.0", "core@[0.1,1.0)"); }
                public void init(PluginContext ctx) {
                    ctx.command(CommandSpec.of("hello", "Hello", "Greets"), (a, c) -> "hello from " + getClass().getClassLoader().getClass().getSimpleName());
                }
            }
            """;

    @Test
    void loadsAJarFromThePluginsFolderInItsOwnClassLoader() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5))) {
            PluginJarBuilder.plugin("hello", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("hello-1.2.0.jar"));
            kernel.startPlugins();
            ManagedPlugin hello = kernel.plugins().find("hello").orElseThrow();
            assertThat(hello.state()).as(hello.failure()).isEqualTo(PluginState.RUNNING);
            assertThat(hello.origin()).get().asString().endsWith("hello-1.2.0.jar");
            assertThat(hello.plugin().getClass().getClassLoader()).isNotSameAs(Kernel.class.getClassLoader());
            assertThat(kernel.commands().execute("hello", null, null)).isEqualTo("hello from PluginClassLoader");
        }
    }

    @Test
    void aJarWhoseManifestIdDiffersFromItsPluginIsRefused() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5))) {
            PluginJarBuilder.plugin("greeter", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("greeter.jar"));
            kernel.startPlugins();
            ManagedPlugin p = kernel.plugins().find("greeter").orElseThrow();
            assertThat(p.state()).isEqualTo(PluginState.FAILED);
            assertThat(p.failure()).contains("greeter.jar", "Plugin-Id 'greeter'", "plugin class says 'hello'");
        }
    }

    @Test
    void aRefusedImpostorJarDoesNotBlockTheGenuineOne() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5))) {
            PluginJarBuilder.plugin("impostor", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("a-impostor.jar"));
            PluginJarBuilder.plugin("hello", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("z-hello.jar"));
            kernel.startPlugins();
            assertThat(kernel.plugins().find("hello").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
            assertThat(kernel.plugins().find("impostor").orElseThrow().failure()).contains("a-impostor.jar", "Plugin-Id 'impostor'");
        }
    }

    @Test
    void jarsWithABrokenManifestAreNamedAndDoNotStopTheOthers() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5))) {
            PluginJarBuilder.plugin("", "").resource("readme.txt", "no id").write(kernel.paths().plugins().resolve("mystery.jar"));
            PluginJarBuilder.plugin("needy", "1.0.0").manifest("Plugin-Dependencies", "ghost")
                    .source("ext.hello.HelloPlugin", SOURCE.replace("\"hello\", \"Hello\"", "\"needy\", \"Needy\""))
                    .service("ext.hello.HelloPlugin").write(kernel.paths().plugins().resolve("needy.jar"));
            PluginJarBuilder.plugin("hello", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("hello.jar"));
            kernel.startPlugins();
            assertThat(kernel.plugins().plugins()).anySatisfy(p -> {
                assertThat(p.state()).isEqualTo(PluginState.FAILED);
                assertThat(p.failure()).contains("mystery.jar");
            });
            assertThat(kernel.plugins().find("hello").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
            ManagedPlugin needy = kernel.plugins().find("needy").orElseThrow();
            assertThat(needy.state()).isEqualTo(PluginState.FAILED);
            assertThat(needy.failure()).contains("needy.jar", "declares Plugin-Dependencies");
        }
    }

    @Test
    void aJarWithoutAPluginClassIsReportedAndOthersStillLoad() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5))) {
            PluginJarBuilder.plugin("empty", "1.0.0").resource("readme.txt", "nothing here")
                    .write(kernel.paths().plugins().resolve("empty.jar"));
            PluginJarBuilder.plugin("hello", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("hello.jar"));
            kernel.startPlugins();
            ManagedPlugin empty = kernel.plugins().find("empty").orElseThrow();
            assertThat(empty.state()).isEqualTo(PluginState.FAILED);
            assertThat(empty.failure()).contains("empty.jar", "lists no dev.triage.core.plugin.Plugin");
            assertThat(kernel.plugins().find("hello").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
        }
    }
}
