package dev.triage.plugin.report.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small Markdown linter for exported reports: table shapes, closed fences, relative image links that resolve. */
final class MarkdownLint {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})(.*)$");

    private MarkdownLint() {
    }

    /** Returns the problems found, each naming the line; empty when the file is clean. */
    static List<String> lint(Path md) throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(md);
        String fence = null;
        int fenceLine = 0;
        int tableCols = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            Matcher f = FENCE.matcher(line);
            if (fence != null) {
                if (line.strip().equals(fence)) {
                    fence = null;
                }
                continue;
            }
            if (f.matches()) {
                fence = f.group(1);
                fenceLine = n;
                tableCols = -1;
                continue;
            }
            if (line.startsWith("|")) {
                int cols = cells(line);
                if (!line.endsWith("|")) {
                    problems.add("line " + n + ": table row does not end with |");
                }
                if (tableCols < 0) {
                    tableCols = cols;
                    if (i + 1 >= lines.size() || !lines.get(i + 1).matches("\\|( ?:?-{3,}:? ?\\|)+")) {
                        problems.add("line " + (n + 1) + ": table header is not followed by a delimiter row");
                    }
                } else if (cols != tableCols) {
                    problems.add("line " + n + ": table row has " + cols + " cells, header has " + tableCols);
                }
            } else {
                tableCols = -1;
            }
            Matcher m = IMAGE.matcher(line);
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("/") || target.contains("..")) {
                    problems.add("line " + n + ": image link " + target + " is not a relative link inside the report folder");
                } else if (!Files.isRegularFile(md.resolveSibling(target))) {
                    problems.add("line " + n + ": image " + target + " does not exist");
                }
            }
        }
        if (fence != null) {
            problems.add("line " + fenceLine + ": code fence " + fence + " is never closed");
        }
        return problems;
    }

    /** Counts a table row's cells as GFM does: unescaped pipes (code spans do not protect them), minus one. */
    static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
