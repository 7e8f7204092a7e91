package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.dock.LayoutStore;
import dev.triage.core.cases.Case;
import dev.triage.core.config.AppPaths;
import dev.triage.testkit.JavaFxToolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real launch path (kernel from AppPaths, built-in plugins, window, screenshot, exit) on the shared toolkit. */
class ShellLauncherTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void toolkit() {
        JavaFxToolkit.start();
    }

    @Test
    void screenshotModeWritesThePngAtTheWindowSizeAndExitsWithZero() throws Exception {
        Path png = tmp.resolve("shot.png");

        int code = ShellLauncher.launch(AppPaths.under(tmp.resolve("home")), null, png, null);

        assertThat(code).isZero();
        Rectangle2D screen = JavaFxToolkit.call(() -> Screen.getPrimary().getVisualBounds());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.min(1400, screen.getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.min(860, screen.getHeight()));
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(tmp.resolve("home/config").resolve(LayoutStore.FILE)).isRegularFile();
    }

    @Test
    void aCaseGivenAtStartIsOpenedAndKeepsItsOwnLayout() throws Exception {
        Path caseDir = tmp.resolve("case");
        Case.create(caseDir, "Probe", List.of()).close();

        int code = ShellLauncher.launch(AppPaths.under(tmp.resolve("home")), caseDir, tmp.resolve("shot.png"), "slowlog.view");

        assertThat(code).isZero();
        assertThat(caseDir.resolve(LayoutStore.FILE)).isRegularFile();
        assertThat(Files.readString(caseDir.resolve(LayoutStore.FILE))).contains("casefiles.view");
        assertThat(tmp.resolve("home/config").resolve(LayoutStore.FILE)).doesNotExist();
    }

    @Test
    void aDoubleClickedCaseFileOpensTheWindowOnItsCase() throws Exception {
        Path caseDir = tmp.resolve("double click");
        Case.create(caseDir, "Probe", List.of()).close();
        Path png = tmp.resolve("opened.png");

        int code = dev.triage.app.cli.TriageCli.run(AppPaths.under(tmp.resolve("home")),
                caseDir.resolve(Case.OPENER).toString(), "--screenshot", png.toString());

        assertThat(code).isZero();
        assertThat(png).isRegularFile();
        assertThat(caseDir.resolve(LayoutStore.FILE)).as("the window opened that case").isRegularFile();
    }

    @Test
    void aFolderThatIsNotACaseStillOpensTheWindow() throws Exception {
        Path png = tmp.resolve("shot.png");

        int code = ShellLauncher.launch(AppPaths.under(tmp.resolve("home")), Files.createDirectories(tmp.resolve("x")), png, null);

        assertThat(code).isZero();
        assertThat(png).isRegularFile();
    }
}
