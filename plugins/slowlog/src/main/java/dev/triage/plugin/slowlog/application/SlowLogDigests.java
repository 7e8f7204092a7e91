package dev.triage.plugin.slowlog.application;

import dev.triage.core.cases.CaseService;
import dev.triage.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The digest use cases: rank the query classes of slow logs given as files or of the current case, and compare two sets of files. */
public final class SlowLogDigests {

    /** The number of classes returned when no limit is given. */
    public static final int DEFAULT_LIMIT = 20;

    private final SlowLogStore store;
    private final CaseService cases;

    /**
     * Creates the use cases.
     *
     * @param store where events are stored and digested
     * @param cases the current-case service
     */
    public SlowLogDigests(SlowLogStore store, CaseService cases) {
        this.store = store;
        this.cases = cases;
    }

    /**
     * Digests slow log files without a case.
     *
     * @param args the files, limit and order
     * @param context progress and cancellation
     * @return the top classes
     * @throws Exception when an argument is wrong, a file is missing or cannot be read
     */
    public List<DigestRow> digestFiles(DigestArgs args, TaskContext context) throws Exception {
        if (args == null || args.files() == null || args.files().isEmpty()) {
            throw new IllegalArgumentException("Give at least one slow log: files=slow.log");
        }
        return store.digestFiles(paths(args.files()), args.query(), context);
    }

    /**
     * Compares the classes of two sets of slow logs without a case: new, gone, regressed and improved classes, the
     * biggest change of total time first.
     *
     * @param args the baseline files (a), the files to compare (b) and the limit
     * @param context progress and cancellation
     * @return the classes that changed most
     * @throws Exception when an argument is wrong, a file is missing or cannot be read
     */
    public List<CompareRow> compareFiles(CompareArgs args, TaskContext context) throws Exception {
        if (args == null || args.a() == null || args.a().isEmpty() || args.b() == null || args.b().isEmpty()) {
            throw new IllegalArgumentException("Give the slow logs to compare: a=before.log b=after.log");
        }
        int limit = args.limit() == null ? DEFAULT_LIMIT : args.limit();
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return store.compareFiles(paths(args.a()), paths(args.b()), limit, context);
    }

    private static List<Path> paths(List<String> names) {
        List<Path> files = new ArrayList<>();
        for (String f : names) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("No such file: " + p.toAbsolutePath());
            }
            files.add(p);
        }
        return files;
    }

    /**
     * Compares two time windows of the current case (new, gone, regressed and improved classes, the biggest change of
     * total time first) and keeps the result in the case for its report.
     *
     * @param args the two windows and the limit
     * @return the classes that changed most
     * @throws Exception when no case is open, a time is wrong, or the case cannot be read
     */
    public List<CompareRow> compareCase(CaseCompareArgs args) throws Exception {
        var c = cases.current().orElseThrow(() -> new IllegalArgumentException("No case is open: give --case DIR"));
        if (args == null || (args.beforeUntil() == null && args.afterSince() == null)) {
            throw new IllegalArgumentException("Give the two windows: --before-until T --after-since T "
                    + "(and optionally --before-since, --after-until)");
        }
        int limit = args.limit() == null ? DEFAULT_LIMIT : args.limit();
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return store.compareCase(c, args.before(), args.after(), limit);
    }

    /**
     * Digests the slow-query events of the current case.
     *
     * @param args the limit and order
     * @return the top classes, empty when no case is open or nothing was imported
     * @throws Exception when an argument is wrong or the case cannot be read
     */
    public List<DigestRow> digestCase(CaseDigestArgs args) throws Exception {
        DigestQuery q = args == null ? DigestQuery.parse(null, null, null, DigestFilter.ALL) : args.query();
        var c = cases.current();
        return c.isEmpty() ? List.of() : store.digestCase(c.get(), q);
    }

    /**
     * Buckets the executions of one class of the current case over time.
     *
     * @param checksum the class id
     * @param filter which events to look at
     * @param buckets how many buckets at most
     * @return the buckets, oldest first; empty when no case is open
     * @throws Exception when the case cannot be read
     */
    public List<TimelinePoint> timeline(DigestGroup group, String key, DigestFilter filter, int buckets) throws Exception {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be at least 1, not " + buckets);
        }
        var c = cases.current();
        return c.isEmpty() ? List.of() : store.timelineCase(c.get(), group == null ? DigestGroup.FINGERPRINT : group, key, filter == null ? DigestFilter.ALL : filter, buckets);
    }
}
