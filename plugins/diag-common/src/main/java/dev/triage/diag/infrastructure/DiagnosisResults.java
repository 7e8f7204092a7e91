package dev.triage.diag.infrastructure;

import dev.triage.core.command.CommandOutput;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The results of {@code triage diag file} over several dumps; exit code 1 when any finding is critical.
 *
 * @param results one result per dump
 * @param skipped the dumps that could not be read, with why
 */
public record DiagnosisResults(List<DiagnosisResult> results, List<String> skipped) implements CommandOutput {

    @Override
    public String text() {
        String body = results.stream().map(DiagnosisResult::text).collect(Collectors.joining("\n"));
        return skipped.isEmpty() ? body : body + skipped.stream().map(s -> "skipped: " + s).collect(Collectors.joining("\n", "\n", "\n"));
    }

    @Override
    public String markdown() {
        String body = results.stream().map(DiagnosisResult::markdown).collect(Collectors.joining("\n"));
        return skipped.isEmpty() ? body : body + skipped.stream().map(s -> "- Skipped: " + s).collect(Collectors.joining("\n", "\n", "\n"));
    }

    @Override
    public int exitCode() {
        return results.stream().anyMatch(r -> r.count("CRITICAL") > 0) ? 1 : 0;
    }
}
