package dev.triage.testkit;

import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.kernel.Kernel;
import java.nio.file.Path;
import java.time.Duration;

/** Kernels for tests: app data under a temporary folder, same-thread tasks, a short plugin timeout. */
public final class TestKernels {

    private TestKernels() {
    }

    /**
     * Makes a kernel with no plugins loaded yet.
     *
     * @param root a temporary folder for app data
     * @param pluginTimeout how long plugin steps may take
     * @return the kernel
     */
    public static Kernel create(Path root, Duration pluginTimeout) {
        return Kernel.create(AppPaths.under(root), SettingsStore.inMemory(), new SameThreadTaskExecutor(), pluginTimeout);
    }
}
