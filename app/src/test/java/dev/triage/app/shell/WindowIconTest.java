package dev.triage.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The window icons ShellLauncher adds are on the class path at the size their name says (icons/generate.sh copies them). */
class WindowIconTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 48, 64, 128, 256})
    void eachWindowIconIsASquarePngOfItsSize(int size) throws Exception {
        try (InputStream in = ShellLauncher.class.getResourceAsStream("/dev/triage/app/icons/triage-" + size + ".png")) {
            assertThat(in).as("icon resource %d", size).isNotNull();
            BufferedImage image = ImageIO.read(in);
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
        }
    }
}
