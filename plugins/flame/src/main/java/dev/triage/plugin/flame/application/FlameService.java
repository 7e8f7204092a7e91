package dev.triage.plugin.flame.application;

import dev.triage.core.command.CommandException;
import dev.triage.core.task.TaskContext;
import dev.triage.plugin.flame.domain.DiffTree;
import dev.triage.plugin.flame.domain.Profile;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flame commands that work on files: summary, diff and export. */
public final class FlameService {

    private final ProfileLoader loader;

    /**
     * Creates the service.
     *
     * @param loader reads and writes profile files
     */
    public FlameService(ProfileLoader loader) {
        this.loader = loader;
    }

    /**
     * Returns the loader.
     *
     * @return the loader
     */
    public ProfileLoader loader() {
        return loader;
    }

    /**
     * Summarises one profile file.
     *
     * @param args the file and options
     * @param context progress
     * @return the summary
     * @throws Exception when the file cannot be read
     */
    public FlameSummary summary(SummaryArgs args, TaskContext context) throws Exception {
        Path file = one(args.files(), "flame summary FILE");
        context.progress(-1, "Reading " + file.getFileName());
        Profile p = loader.load(file, args.sampleType(), args.perf());
        return FlameSummary.of(p, args.top() == null ? 20 : args.top());
    }

    /**
     * Compares two profiles normalised to their totals.
     *
     * @param args the two files and options
     * @param context progress
     * @return the largest changes
     * @throws Exception when a file cannot be read
     */
    public FlameDiffResult diff(DiffArgs args, TaskContext context) throws Exception {
        if (args.files() == null || args.files().size() != 2) {
            throw new CommandException("flame diff needs two profiles: BEFORE AFTER", null);
        }
        context.progress(0, "Reading " + args.files().get(0));
        Profile a = loader.load(Path.of(args.files().get(0)), args.sampleType(), null);
        context.checkCancelled();
        context.progress(0.5, "Reading " + args.files().get(1));
        Profile b = loader.load(Path.of(args.files().get(1)), args.sampleType(), null);
        return diff(a, b, args.top() == null ? 20 : args.top());
    }

    /**
     * Compares two loaded profiles.
     *
     * @param a the baseline
     * @param b the new profile
     * @param top how many changes
     * @return the largest changes
     */
    public static FlameDiffResult diff(Profile a, Profile b, int top) {
        List<FlameDiffResult.Row> rows = new ArrayList<>();
        for (DiffTree.Change c : DiffTree.changes(a.trie(), b.trie())) {
            if (rows.size() >= top) {
                break;
            }
            rows.add(new FlameDiffResult.Row(c.name(), 100 * c.beforeSelf(), 100 * c.afterSelf(), 100 * c.selfDelta(),
                    100 * c.beforeTotal(), 100 * c.afterTotal(), 100 * c.totalDelta()));
        }
        return new FlameDiffResult(a.source(), b.source(), a.total(), b.total(), rows);
    }

    /**
     * Writes a profile as SVG, PNG or speedscope JSON.
     *
     * @param args the file and the outputs
     * @param context progress
     * @return the files written, with their sizes
     * @throws Exception when reading or writing fails
     */
    public Map<String, Object> export(ExportArgs args, TaskContext context) throws Exception {
        Path file = one(args.files(), "flame export FILE --svg out.svg | --png out.png | --speedscope out.json");
        if (args.svg() == null && args.png() == null && args.speedscope() == null) {
            throw new CommandException("flame export needs --svg FILE, --png FILE or --speedscope FILE", null);
        }
        context.progress(-1, "Reading " + file.getFileName());
        Profile p = loader.load(file, args.sampleType(), null);
        int width = args.width() == null ? 1200 : Math.max(200, args.width());
        String title = file.getFileName() + " (" + p.sampleType() + ")";
        Map<String, Object> written = new LinkedHashMap<>();
        if (args.svg() != null) {
            Path out = Path.of(args.svg());
            Files.writeString(out, SvgFlameGraph.render(p, width, title), StandardCharsets.UTF_8);
            written.put("svg", out.toString());
        }
        if (args.png() != null) {
            Path out = Path.of(args.png());
            Files.write(out, loader.png(p, width, title));
            written.put("png", out.toString());
        }
        if (args.speedscope() != null) {
            Path out = Path.of(args.speedscope());
            try (OutputStream o = Files.newOutputStream(out)) {
                loader.writeSpeedscope(p, o);
            }
            written.put("speedscope", out.toString());
        }
        written.put("frames", p.trie().size() - 1);
        written.put("total", p.total());
        return written;
    }

    private static Path one(List<String> files, String usage) throws CommandException {
        if (files == null || files.size() != 1) {
            throw new CommandException("Usage: triage " + usage, null);
        }
        Path file = Path.of(files.get(0));
        if (!Files.isRegularFile(file)) {
            throw new CommandException(file + ": no such file", null);
        }
        return file;
    }
}
