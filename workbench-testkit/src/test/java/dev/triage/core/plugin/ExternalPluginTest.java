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

    @Test
    void aJarThatWouldEndTheApplicationIsRefusedAndOthersStillLoad() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(5))) {
            PluginJarBuilder.plugin("quitter", "1.0.0")
                    .source("ext.hello.HelloPlugin", SOURCE.replace("\"hello\", \"Hello\"", "\"quitter\", \"Quitter\""))
                    .source("ext.hello.Bye", "package ext.hello; final class Bye { static void bye() { Runtime.getRuntime().halt(3); } }")
                    .service("ext.hello.HelloPlugin").write(kernel.paths().plugins().resolve("quitter.jar"));
            PluginJarBuilder.plugin("leaver", "1.0.0")
                    .source("ext.hello.HelloPlugin", SOURCE.replace("\"hello\", \"Hello\"", "\"leaver\", \"Leaver\"")
                            .replace("public void init(PluginContext ctx) {", "public void init(PluginContext ctx) { if (ctx == null) System.exit(1);"))
                    .service("ext.hello.HelloPlugin").write(kernel.paths().plugins().resolve("leaver.jar"));
            PluginJarBuilder.plugin("hello", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("hello.jar"));
            kernel.startPlugins();
            ManagedPlugin quitter = kernel.plugins().find("quitter").orElseThrow();
            assertThat(quitter.state()).isEqualTo(PluginState.FAILED);
            assertThat(quitter.failure()).contains("quitter.jar", "calls Runtime.halt (in ext.hello.Bye)", "must not end the application");
            ManagedPlugin leaver = kernel.plugins().find("leaver").orElseThrow();
            assertThat(leaver.failure()).contains("calls System.exit (in ext.hello.HelloPlugin)");
            assertThat(kernel.plugins().find("hello").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
        }
    }

    @Test
    void theScanReadsEveryConstantKindOfARealClassFile() throws Exception {
        for (Class<?> c : java.util.List.of(String.class, java.util.HashMap.class, ExternalPluginTest.class, Kernel.class)) {
            try (var in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
                assertThat(ExitCallScan.exitCall(in)).as(c.getName()).isEmpty();
            }
        }
        try (var in = Runtime.class.getResourceAsStream("/java/lang/System.class")) {
            // System.exit itself calls Runtime.exit
            assertThat(ExitCallScan.exitCall(in)).contains("Runtime.exit");
        }
    }

    @Test
    void aPluginThatSpinsForeverOrThrowsEverywhereFailsAloneAndTheKernelGoesOn() throws Exception {
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(2))) {
            PluginJarBuilder.plugin("spinner", "1.0.0")
                    .source("ext.hello.HelloPlugin", SOURCE.replace("\"hello\", \"Hello\"", "\"spinner\", \"Spinner\"")
                            .replace("public void init(PluginContext ctx) {", "public void init(PluginContext ctx) { while (!Boolean.getBoolean(\"spinner.stop\")) { Thread.interrupted(); }"))
                    .service("ext.hello.HelloPlugin").write(kernel.paths().plugins().resolve("spinner.jar"));
            PluginJarBuilder.plugin("thrower", "1.0.0").source("ext.hello.HelloPlugin", """
                    package ext.hello;
                    import dev.triage.core.command.CommandSpec;
                    import dev.triage.core.plugin.*;
                    public class HelloPlugin implements Plugin {
                        public PluginDescriptor descriptor() { return PluginDescriptor.of("thrower", "Thrower", "1.0.0", "core@[0.1,1.0)"); }
                        public void init(PluginContext ctx) {
                            ctx.command(CommandSpec.of("thrower.boom", "Boom", "Throws"), (a, c) -> { throw new IllegalStateException("boom"); });
                        }
                        public void start() { throw new IllegalStateException("start fails"); }
                        public void stop() { throw new IllegalStateException("stop fails"); }
                        public Health health() { throw new IllegalStateException("health fails"); }
                    }
                    """).service("ext.hello.HelloPlugin").write(kernel.paths().plugins().resolve("thrower.jar"));
            PluginJarBuilder.plugin("hello", "1.2.0").source("ext.hello.HelloPlugin", SOURCE).service("ext.hello.HelloPlugin")
                    .write(kernel.paths().plugins().resolve("hello.jar"));
            kernel.startPlugins();
            ManagedPlugin spinner = kernel.plugins().find("spinner").orElseThrow();
            assertThat(spinner.state()).isEqualTo(PluginState.FAILED);
            assertThat(spinner.failure()).contains("did not finish within 2000 ms");
            ManagedPlugin thrower = kernel.plugins().find("thrower").orElseThrow();
            assertThat(thrower.state()).isEqualTo(PluginState.FAILED);
            assertThat(thrower.failure()).contains("start fails");
            assertThat(kernel.plugins().find("hello").orElseThrow().state()).isEqualTo(PluginState.RUNNING);
            assertThat(kernel.commands().execute("hello", null, null)).isEqualTo("hello from PluginClassLoader");
        } finally {
            System.setProperty("spinner.stop", "true"); // the abandoned thread ignores interrupts: let it end
        }
    }
}
