package dev.triage.core.finding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The one JSON shape of findings and their evidence, shared by the case database and the JSON report. */
public final class FindingJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FindingJson() {
    }

    /**
     * Turns a finding into a JSON object with severity, title, evidence, suggestion and source.
     *
     * @param finding the finding
     * @return a new JSON object
     */
    public static ObjectNode toJson(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("severity", finding.severity().name());
        node.put("title", finding.title());
        node.set("evidence", evidenceToJson(finding.evidence()));
        node.put("suggestion", finding.suggestion());
        ObjectNode source = node.putObject("source");
        source.put("pluginId", finding.source().pluginId());
        source.put("target", finding.source().target());
        source.put("time", finding.source().time().toString());
        return node;
    }

    /**
     * Reads a finding from the JSON object {@link #toJson} makes.
     *
     * @param node the JSON object
     * @return the finding
     * @throws IllegalArgumentException when a required field is missing or malformed
     */
    public static Finding fromJson(JsonNode node) {
        JsonNode source = node.path("source");
        return new Finding(Severity.valueOf(node.path("severity").asText()), node.path("title").asText(),
                evidenceFromJson(node.path("evidence")), node.path("suggestion").asText(),
                new FindingSource(source.path("pluginId").asText(), source.path("target").asText(),
                        Instant.parse(source.path("time").asText())));
    }

    /**
     * Turns evidence into a JSON array of objects with a {@code value} and, for metrics, a {@code name}.
     *
     * @param evidence the evidence
     * @return a new JSON array
     */
    public static ArrayNode evidenceToJson(List<Evidence> evidence) {
        ArrayNode array = NODES.arrayNode();
        for (Evidence e : evidence) {
            ObjectNode item = array.addObject();
            if (e.isMetric()) {
                item.put("name", e.name());
            }
            item.put("value", e.value());
        }
        return array;
    }

    /**
     * Reads evidence from the JSON array {@link #evidenceToJson} makes.
     *
     * @param array the JSON array
     * @return the evidence, in order
     */
    public static List<Evidence> evidenceFromJson(JsonNode array) {
        List<Evidence> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(new Evidence(item.path("name").asText(null), item.path("value").asText()));
        }
        return out;
    }
}
