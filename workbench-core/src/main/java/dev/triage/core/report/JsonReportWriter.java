package dev.triage.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.core.finding.FindingJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/** Writes a report as {@code report.json} (UTF-8): sections with typed blocks, images embedded as Base64. */
public final class JsonReportWriter {

    /** The JSON file's name. */
    public static final String FILE = "report.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Writes the report into a folder, creating it if needed and replacing an earlier report of the same name.
     *
     * @param report the report
     * @param folder the output folder
     * @return the written {@code report.json}
     * @throws IOException when the file cannot be written
     */
    public Path write(Report report, Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        ReportFiles.writeAtomically(file, JSON.writeValueAsBytes(toJson(report)));
        return file;
    }

    /**
     * Turns a report into its JSON tree.
     *
     * @param report the report
     * @return the JSON object with {@code title}, {@code generated} and {@code sections}
     */
    public ObjectNode toJson(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", report.title());
        root.put("generated", report.generated().toString());
        sections(root.putArray("sections"), report.sections());
        return root;
    }

    private static void sections(ArrayNode array, List<ReportSection> sections) {
        for (ReportSection s : sections) {
            ObjectNode node = array.addObject();
            node.put("title", s.title());
            ArrayNode blocks = node.putArray("blocks");
            s.blocks().forEach(b -> block(blocks.addObject(), b));
            sections(node.putArray("subsections"), s.subsections());
        }
    }

    private static void block(ObjectNode node, Block b) {
        if (b instanceof Block.Heading h) {
            node.put("type", "heading").put("text", h.text());
        } else if (b instanceof Block.Paragraph p) {
            node.put("type", "paragraph").put("text", p.text());
        } else if (b instanceof Block.Table t) {
            node.put("type", "table");
            t.headers().forEach(node.putArray("headers")::add);
            ArrayNode rows = node.putArray("rows");
            t.rows().forEach(r -> r.forEach(rows.addArray()::add));
        } else if (b instanceof Block.CodeBlock c) {
            node.put("type", "code").put("language", c.language()).put("text", c.text());
        } else if (b instanceof Block.Image i) {
            node.put("type", "image").put("altText", i.altText()).put("fileName", i.fileName())
                    .put("mediaType", i.mediaType()).put("base64", Base64.getEncoder().encodeToString(i.bytes()));
        } else if (b instanceof Block.FindingsBlock f) {
            ArrayNode findings = node.put("type", "findings").putArray("findings");
            f.findings().forEach(x -> findings.add(FindingJson.toJson(x)));
        }
    }
}
