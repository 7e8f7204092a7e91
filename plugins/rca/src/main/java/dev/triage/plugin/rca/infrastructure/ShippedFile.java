package dev.triage.plugin.rca.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a data file shipped inside the plugin jar. */
final class ShippedFile {

    private ShippedFile() {
    }

    /** Reads a class-path resource as UTF-8, failing with a message naming it when it is missing or unreadable. */
    static String read(String resource) {
        try (InputStream in = ShippedFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The shipped file " + resource + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The shipped file " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }
}
