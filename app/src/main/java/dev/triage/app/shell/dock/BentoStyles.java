package dev.triage.app.shell.dock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * BentoFX's stylesheet without its {@code .root} block. That block redefines AtlantaFX's colour variables;
 * in an undocked window the dock branch is the scene root, so it would turn the window light in the dark theme.
 */
final class BentoStyles {

    private static final Pattern ROOT_BLOCK = Pattern.compile("(?m)^\\.root\\s*\\{[^}]*}");
    private static volatile String url;

    private BentoStyles() {
    }

    /**
     * Returns a data URL of bento.css with the {@code .root} block removed.
     *
     * @return the stylesheet URL
     */
    static String url() {
        String u = url;
        if (u == null) {
            u = "data:text/css;base64," + Base64.getEncoder().encodeToString(
                    withoutRootBlock(read()).getBytes(StandardCharsets.UTF_8));
            url = u;
        }
        return u;
    }

    static String withoutRootBlock(String css) {
        return ROOT_BLOCK.matcher(css).replaceAll("");
    }

    private static String read() {
        try (InputStream in = BentoStyles.class.getResourceAsStream("/bento.css")) {
            if (in == null) {
                throw new IllegalStateException("bento.css is missing from the class path (bento-fx jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bento.css: " + e.getMessage(), e);
        }
    }
}
