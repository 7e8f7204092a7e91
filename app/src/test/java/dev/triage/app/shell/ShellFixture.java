package dev.triage.app.shell;

import dev.triage.app.shell.cases.ShellDialogs;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.plugin.Plugin;
import dev.triage.testkit.JavaFxToolkit;
import dev.triage.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** A started kernel (shell plugin, built-ins and extra plugins) with a shell shown in a headless stage. */
final class ShellFixture implements AutoCloseable {

    final Kernel kernel;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    Shell shell;
    Stage stage;

    private ShellFixture(Kernel kernel) {
        this.kernel = kernel;
    }

    static ShellFixture start(Path root, Plugin... extra) throws Exception {
        Kernel k = TestKernels.create(root, Duration.ofSeconds(5));
        k.plugins().add(new ShellPlugin(k.plugins()), null);
        for (Plugin p : extra) {
            k.plugins().add(p, null);
        }
        k.startPlugins();
        ShellFixture f = new ShellFixture(k);
        f.openWindow();
        return f;
    }

    void openWindow() throws Exception {
        JavaFxToolkit.call(() -> {
            shell = new Shell(kernel, 1000, 700, dialogs);
            stage = new Stage();
            stage.setScene(shell.scene());
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void closeWindow() throws Exception {
        if (shell != null) {
            JavaFxToolkit.call(() -> {
                stage.hide();
                shell.close();
                return null;
            });
            shell = null;
        }
    }

    <T> T fx(java.util.function.Supplier<T> work) throws Exception {
        return JavaFxToolkit.call(work);
    }

    @Override
    public void close() throws Exception {
        closeWindow();
        kernel.close();
    }

    /** Dialog answers queued by a test; an empty queue answers "cancel". */
    static final class ScriptedDialogs implements ShellDialogs {
        final Deque<Path> folders = new ArrayDeque<>();
        final Deque<String> texts = new ArrayDeque<>();
        final Deque<java.util.List<Path>> files = new ArrayDeque<>();
        boolean confirmAnswer;

        @Override
        public java.util.List<Path> chooseFiles(String title) {
            return files.isEmpty() ? java.util.List.of() : files.poll();
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.ofNullable(folders.poll());
        }

        @Override
        public Optional<String> askText(String title, String prompt, String initial) {
            return Optional.ofNullable(texts.poll());
        }

        @Override
        public boolean confirm(String title, String question) {
            return confirmAnswer;
        }
    }
}
