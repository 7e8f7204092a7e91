package dev.triage.plugin.ddl.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlParseError;
import dev.triage.plugin.ddl.api.DdlReason;
import dev.triage.plugin.ddl.api.DdlStatementCheck;
import dev.triage.plugin.ddl.api.DdlVerdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of {@code triage check lossy-ddl}: every statement's verdict and the statements that did not parse; the
 * command exits with 1 when a statement is LOSSY or DESTRUCTIVE.
 *
 * @param file the checked file
 * @param dialect the rules' dialect
 * @param worst the worst verdict
 * @param counts statements per verdict
 * @param statements the checks in input order
 * @param errors the statements that could not be parsed
 */
public record LossyDdlReport(String file, String dialect, DdlVerdict worst, Map<DdlVerdict, Integer> counts,
        List<DdlStatementCheck> statements, List<DdlParseError> errors) implements CommandOutput {

    /**
     * Builds the report of a check.
     *
     * @param file the checked file
     * @param dialect the dialect
     * @param result the check
     * @return the report
     */
    public static LossyDdlReport of(String file, String dialect, DdlCheckResult result) {
        Map<DdlVerdict, Integer> counts = new EnumMap<>(DdlVerdict.class);
        for (DdlVerdict v : DdlVerdict.values()) {
            counts.put(v, 0);
        }
        result.statements().forEach(s -> counts.merge(s.verdict(), 1, Integer::sum));
        return new LossyDdlReport(file, dialect, result.worst(), counts, result.statements(), result.errors());
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        for (DdlStatementCheck s : statements) {
            b.append(String.format("line %-5d %-11s %s%n", s.line(), s.verdict(), firstLine(s.statement())));
            for (DdlReason r : s.reasons()) {
                if (r.verdict() != DdlVerdict.SAFE || s.verdict() == DdlVerdict.SAFE) {
                    b.append("             ").append(where(r)).append(r.message()).append(System.lineSeparator());
                }
            }
        }
        for (DdlParseError e : errors) {
            b.append(String.format("line %-5d %-11s %s%n             %s%n", e.line(), "NOT PARSED", firstLine(e.statement()),
                    e.message()));
        }
        b.append(summary());
        return b.toString();
    }

    @Override
    public String markdown() {
        StringBuilder b = new StringBuilder("# Lossy-DDL check: ").append(file).append("\n\n").append(summary().strip()).append("\n\n");
        b.append("| Line | Verdict | Statement | Reasons |\n|---:|---|---|---|\n");
        for (DdlStatementCheck s : statements) {
            b.append("| ").append(s.line()).append(" | ").append(s.verdict()).append(" | `").append(cell(firstLine(s.statement())))
                    .append("` | ").append(cell(s.reasons().stream().map(r -> where(r) + r.message())
                            .collect(Collectors.joining("; ")))).append(" |\n");
        }
        for (DdlParseError e : errors) {
            b.append("| ").append(e.line()).append(" | NOT PARSED | `").append(cell(firstLine(e.statement()))).append("` | ")
                    .append(cell(e.message())).append(" |\n");
        }
        return b.toString();
    }

    @Override
    public int exitCode() {
        return worst.losesData() ? 1 : 0;
    }

    private String summary() {
        return statements.size() + " statements (" + counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).collect(Collectors.joining(", ")) + "), "
                + errors.size() + " not parsed; worst: " + worst + " (" + dialect + " rules)" + System.lineSeparator();
    }

    private static String where(DdlReason r) {
        return r.table().isEmpty() ? "" : r.table() + (r.column().isEmpty() ? "" : "." + r.column()) + ": ";
    }

    private static String firstLine(String statement) {
        String one = statement.strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }
}
