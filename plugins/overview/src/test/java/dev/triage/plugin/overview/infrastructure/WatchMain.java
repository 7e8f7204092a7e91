package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.task.DefaultTaskExecutor;
import dev.triage.core.task.TaskContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A separate JVM running {@code triage watch} until it is terminated, printing the sample count as it goes. */
public final class WatchMain {

    private WatchMain() {
    }

    /**
     * Runs the watch.
     *
     * @param args home folder, MariaDB port
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Kernel kernel = Kernel.create(AppPaths.under(home), SettingsStore.inMemory(), new DefaultTaskExecutor(4), Duration.ofSeconds(10))
                .startPlugins();
        kernel.cases().create(home.resolve("case"), "ctrl-c");
        kernel.connections().save(new ConnectionTarget("maria", "Maria", ConnectionKind.MARIADB, "127.0.0.1", Integer.parseInt(args[1]),
                "root", Map.of()), null);
        kernel.commands().executeText("watch", Map.of("interval", "300ms", "timeout", "3s"), new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                System.out.println("progress " + message);
                System.out.flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
    }
}
