package dev.triage.app.shell.guide;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The user guide bundled in the app (docs/guide at build time): pages by name, and the URL images resolve against. */
public final class GuidePages {

    /** The page the guide opens on. */
    public static final String START = "README.md";
    private static final String ROOT = "/dev/triage/app/guide/";

    private GuidePages() {
    }

    /**
     * Reads a page of the guide.
     *
     * @param name the page file name, such as {@code slowlog.md}
     * @return its Markdown, or empty when the guide has no such page
     * @throws IOException when the bundled page cannot be read
     */
    public static Optional<String> read(String name) throws IOException {
        if (name.contains("..") || name.contains("/") || !name.endsWith(".md")) {
            return Optional.empty();
        }
        try (InputStream in = GuidePages.class.getResourceAsStream(ROOT + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Returns the URL a page's relative links and images resolve against.
     *
     * @param name the page file name
     * @return the page's URL, or null when absent
     */
    public static URL url(String name) {
        return GuidePages.class.getResource(ROOT + name);
    }
}
