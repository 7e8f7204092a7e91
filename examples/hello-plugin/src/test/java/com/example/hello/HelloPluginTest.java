package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.config.AppPaths;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.plugin.ManagedPlugin;
import dev.triage.core.plugin.PluginState;
import dev.triage.core.task.TaskContext;
import dev.triage.testkit.TestKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example loads as an external plugin jar, the way Triage loads it from its plugins folder, and its command runs. */
class HelloPluginTest {

    @TempDir
    Path home;

    @Test
    void loadsFromThePluginsFolderAndGreets() throws Exception {
        Path folder = AppPaths.under(home).plugins();
        Files.createDirectories(folder);
        Path jar = jar(Path.of("target", "classes"), folder.resolve("hello-1.0.0.jar"));
        try (Kernel kernel = TestKernels.create(home, Duration.ofSeconds(10))) {
            kernel.plugins().loadExternal(folder);
            kernel.plugins().startAll();
            ManagedPlugin hello = kernel.plugins().find("hello").orElseThrow();
            assertThat(hello.state()).as(String.valueOf(hello.failure())).isEqualTo(PluginState.RUNNING);
            assertThat(hello.origin()).contains(jar);
            Object greeting = kernel.commands().executeText("hello.greet", Map.of("name", "Ada"), new TaskContext() {
                @Override
                public void progress(double fraction, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            // the jar's own class loader defined the answer's class: it is a copy of ours, not ours
            assertThat(greeting.toString()).isEqualTo("Greeting[text=Hello, Ada!]");
            assertThat(greeting.getClass().getClassLoader()).isNotSameAs(HelloPlugin.class.getClassLoader());
        }
    }

    /** The jar Maven's package phase makes: the compiled classes, the service file and the two manifest entries. */
    private static Path jar(Path classes, Path out) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", "hello");
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
        return out;
    }
}
