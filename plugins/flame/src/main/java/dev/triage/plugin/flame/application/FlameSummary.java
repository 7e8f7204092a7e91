package dev.triage.plugin.flame.application;

import dev.triage.core.command.CommandOutput;
import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code flame summary} prints: the profile's totals and its top functions by self count.
 *
 * @param file the profile file
 * @param format the detected format
 * @param sampleType what the counts measure
 * @param unit the unit of the counts
 * @param sampleTypes every sample type the profile offers
 * @param total the sum of all counts
 * @param functionCount how many distinct functions
 * @param skipped unparseable lines or records
 * @param problems the first messages about them
 * @param functions the top functions
 */
public record FlameSummary(String file, String format, String sampleType, String unit, List<String> sampleTypes, long total,
        int functionCount, long skipped, List<String> problems, List<Row> functions) implements CommandOutput {

    /**
     * One function row.
     *
     * @param rank the rank by self count
     * @param name the function
     * @param self its self count
     * @param selfShare self as a share of all
     * @param total its total count
     * @param totalShare total as a share of all
     */
    public record Row(int rank, String name, long self, double selfShare, long total, double totalShare) {
    }

    /**
     * Summarises a profile.
     *
     * @param profile the profile
     * @param top how many functions
     * @return the summary
     */
    public static FlameSummary of(Profile profile, int top) {
        var table = profile.functionTable();
        List<FunctionStat> fs = table.top(top);
        double all = Math.max(1, profile.total());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(top, fs.size()); i++) {
            FunctionStat f = fs.get(i);
            rows.add(new Row(i + 1, f.name(), f.self(), f.self() / all, f.total(), f.total() / all));
        }
        return new FlameSummary(profile.source(), profile.format().name().toLowerCase(Locale.ROOT), profile.sampleType(),
                profile.unit(), profile.sampleTypes(), profile.total(), table.size(), profile.skipped(), profile.problems(), rows);
    }

    @Override
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s profile, %s (%s), total %,d, %,d functions%n", file, format, sampleType,
                unit, total, functionCount));
        if (sampleTypes.size() > 1) {
            sb.append("sample types: ").append(String.join(", ", sampleTypes)).append('\n');
        }
        if (skipped > 0) {
            sb.append(String.format(Locale.ROOT, "skipped %,d unparseable lines or records, first: %s%n", skipped,
                    problems.isEmpty() ? "" : problems.get(0)));
        }
        sb.append(String.format(Locale.ROOT, "%4s %14s %7s %14s %7s  %s%n", "rank", "self", "self%", "total", "total%", "function"));
        for (Row r : functions) {
            sb.append(String.format(Locale.ROOT, "%4d %14d %6.2f%% %14d %6.2f%%  %s%n", r.rank, r.self, 100 * r.selfShare, r.total,
                    100 * r.totalShare, r.name));
        }
        return sb.toString();
    }

    @Override
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "**%s**: %s profile, %s (%s), total %,d, %,d functions%n%n", md(file), format,
                sampleType, unit, total, functionCount));
        if (skipped > 0) {
            sb.append(String.format(Locale.ROOT, "Skipped %,d unparseable lines or records.%n%n", skipped));
        }
        sb.append("| Rank | Self | Self % | Total | Total % | Function |\n|---:|---:|---:|---:|---:|---|\n");
        for (Row r : functions) {
            sb.append(String.format(Locale.ROOT, "| %d | %d | %.2f%% | %d | %.2f%% | `%s` |%n", r.rank, r.self, 100 * r.selfShare,
                    r.total, 100 * r.totalShare, r.name.replace("|", "\\|").replace("`", "'")));
        }
        return sb.toString();
    }

    private static String md(String s) {
        return s.replace("*", "\\*").replace("_", "\\_");
    }
}
