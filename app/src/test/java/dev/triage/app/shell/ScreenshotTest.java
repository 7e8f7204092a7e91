package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotTest {

    @TempDir
    Path tmp;

    @Test
    void writesAPngOfTheLaidOutWindowAtTheSceneSize() throws Exception {
        Path png = tmp.resolve("shots/window.png");
        try (ShellFixture f = ShellFixture.start(tmp.resolve("home"))) {
            Path written = Screenshot.afterLayout(f.shell.scene(), png).get(30, TimeUnit.SECONDS);

            assertThat(written).isEqualTo(png);
            assertThat(Files.size(png)).isGreaterThan(1000);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(700);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 7) {
                for (int x = 0; x < image.getWidth(); x += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertThat(colours).as("distinct colours in the window").hasSizeGreaterThan(10);
        }
    }
}
