package dev.triage.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.cli.TriageCli;
import dev.triage.core.config.AppPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents in docs/ stay true: the CLI reference is what the commands print, and no guide link or image is broken. */
class DocsTest {

    private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    @TempDir
    Path home;

    @Test
    void theCliReferenceIsWhatTheCommandsSay() throws IOException {
        StringWriter out = new StringWriter();
        int code = TriageCli.run(AppPaths.under(home), new PrintWriter(out), new PrintWriter(new StringWriter()), "docs", "cli");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("### triage case new", "### triage slowlog", "`triage slowlog digest`");
        assertThat(Files.readString(DOCS.resolve("guide/cli.md")))
                .as("docs/cli.md is out of date: regenerate it with ./triage docs cli > docs/guide/cli.md")
                .isEqualTo(out.toString());
    }

    @Test
    void everyLinkAndImageOfTheGuideAndTheReadmeExists() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCS.resolve("guide"))) {
            files.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        pages.add(DOCS.getParent().resolve("README.md"));
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(page.getParent().resolve(target).normalize())) {
                    broken.add(page.getFileName() + " -> " + target);
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theGuidePrintsOnTheCommandLineAndNamesAMissingPage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(TriageCli.run(AppPaths.under(home), new PrintWriter(out), new PrintWriter(err), "guide", "slowlog")).isZero();
        assertThat(out.toString()).startsWith("# Slow queries");
        assertThat(TriageCli.run(AppPaths.under(home), new PrintWriter(out), new PrintWriter(err), "guide", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("nope.md");
    }
}
