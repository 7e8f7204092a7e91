package dev.triage.plugin.flame.infrastructure;

import dev.triage.core.cases.ImportSession;
import dev.triage.core.imports.FileImporter;
import dev.triage.plugin.flame.domain.FunctionStat;
import dev.triage.plugin.flame.domain.Profile;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

/** Imports profiles (folded, perf script, pprof, JFR, speedscope; plain or gzip) into a case: the file is kept, its functions tabled. */
public final class FlameImporter implements FileImporter {

    /** How strongly a file that looks like a profile is claimed (a generic copy claims 1). */
    public static final int CLAIM = 40;

    @Override
    public String id() {
        return "flame.profile";
    }

    @Override
    public int claim(Path file, byte[] head) {
        return ProfileReader.detect(head).isPresent() ? CLAIM : 0;
    }

    @Override
    public void importFile(Path file, ImportSession session) throws Exception {
        store(file, session, null, null);
    }

    /**
     * Stores one profile in an import session: the staged copy, a profile row and its functions.
     *
     * @param file the profile file
     * @param session the import
     * @param target where it was collected from, or null
     * @param collectedAt when it was collected, or null
     * @return the parsed profile
     * @throws Exception when the file is not a readable profile
     */
    public static Profile store(Path file, ImportSession session, String target, Instant collectedAt) throws Exception {
        session.context().progress(-1, "Reading profile " + file.getFileName());
        Path copy = session.stage(file);
        Profile p = ProfileReader.read(copy, ProfileReader.Options.DEFAULT);
        for (String problem : p.problems()) {
            session.skip(problem.replace(copy.getFileName().toString(), file.getFileName().toString()));
        }
        String rel = "sources/" + session.importId() + "/" + copy.getFileName();
        var functions = p.functionTable().unordered();
        try (PreparedStatement ps = session.connection().prepareStatement("INSERT INTO " + FlameSchema.PROFILES
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, session.importId());
            ps.setString(2, file.getFileName().toString());
            ps.setString(3, rel);
            ps.setString(4, p.format().name());
            ps.setString(5, p.sampleType());
            ps.setString(6, p.unit());
            ps.setLong(7, p.total());
            ps.setLong(8, functions.size());
            ps.setLong(9, p.skipped());
            ps.setString(10, target);
            ps.setTimestamp(11, collectedAt == null ? null : Timestamp.from(collectedAt));
            ps.executeUpdate();
        }
        try (var app = session.appender(FlameSchema.FUNCTIONS)) {
            for (FunctionStat f : functions) {
                app.beginRow();
                app.append(session.importId());
                app.append(f.name());
                app.append(f.self());
                app.append(f.total());
                app.append(file.getFileName().toString());
                app.endRow();
            }
        }
        session.addRows(1 + functions.size());
        return p;
    }
}
