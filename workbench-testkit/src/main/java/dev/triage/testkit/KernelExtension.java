package dev.triage.testkit;

import dev.triage.core.event.DefaultEventBus;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.plugin.ManagedPlugin;
import dev.triage.core.plugin.PluginState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A kernel per test with app data in a temporary folder and built-in plugins started; after each test it stops the
 * plugins and fails the test if a plugin is still running or an event subscription was left behind.
 */
public final class KernelExtension implements BeforeEachCallback, AfterEachCallback {

    private Path home;
    private Kernel kernel;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("triage-test");
        kernel = TestKernels.create(home, Duration.ofSeconds(10)).startPlugins();
    }

    /**
     * Returns this test's kernel.
     *
     * @return the kernel, plugins started
     */
    public Kernel kernel() {
        return kernel;
    }

    /**
     * Returns this test's temporary folder, the parent of the app-data folders.
     *
     * @return the folder
     */
    public Path home() {
        return home;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            kernel.plugins().stopAll();
            List<String> running = kernel.plugins().plugins().stream()
                    .filter(p -> p.state() == PluginState.RUNNING).map(ManagedPlugin::id).toList();
            int subscribers = kernel.events() instanceof DefaultEventBus bus ? bus.subscriberCount() : 0;
            if (!running.isEmpty() || subscribers > 0) {
                throw new AssertionError("Left behind after the test: running plugins " + running + ", " + subscribers
                        + " event subscription(s) (a view not disposed?)");
            }
        } finally {
            kernel.close();
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
