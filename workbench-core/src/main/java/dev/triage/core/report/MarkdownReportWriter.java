package dev.triage.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a report as {@code report.md} (UTF-8) plus its images under {@code assets/} in a folder. */
public final class MarkdownReportWriter {

    /** The Markdown file's name. */
    public static final String FILE = "report.md";
    /** The images folder's name, next to the Markdown file. */
    public static final String ASSETS = "assets";

    /**
     * Writes the report into a folder, creating it if needed and replacing an earlier report of the same name.
     *
     * @param report the report
     * @param folder the output folder
     * @return the written {@code report.md}
     * @throws IOException when a file cannot be written
     */
    public Path write(Report report, Path folder) throws IOException {
        Map<Block.Image, String> names = new IdentityHashMap<>();
        Map<String, Block.Image> taken = new LinkedHashMap<>();
        for (ReportSection s : report.sections()) {
            nameImages(s, names, taken);
        }
        for (Map.Entry<String, Block.Image> e : taken.entrySet()) {
            ReportFiles.writeAtomically(folder.resolve(ASSETS).resolve(e.getKey()), e.getValue().bytes());
        }
        Path file = folder.resolve(FILE);
        String markdown = MarkdownRenderer.render(report, image -> ASSETS + "/" + names.get(image));
        ReportFiles.writeAtomically(file, markdown.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Gives each image a unique asset name, keeping its own name unless a different image already took it. */
    private static void nameImages(ReportSection section, Map<Block.Image, String> names, Map<String, Block.Image> taken) {
        for (Block b : section.blocks()) {
            if (b instanceof Block.Image image) {
                names.put(image, uniqueName(image, taken));
            }
        }
        section.subsections().forEach(s -> nameImages(s, names, taken));
    }

    private static String uniqueName(Block.Image image, Map<String, Block.Image> taken) {
        String name = image.fileName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; taken.containsKey(name) && !taken.get(name).equals(image); n++) {
            name = stem + "-" + n + ext;
        }
        taken.put(name, image);
        return name;
    }
}
