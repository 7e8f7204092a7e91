package dev.triage.plugin.casefiles.infrastructure;

import dev.triage.core.cases.ImportSession;
import dev.triage.core.imports.FileImporter;
import dev.triage.plugin.casefiles.application.CaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fallback importer: copies any file into the case and counts its lines. */
public final class CopyImporter implements FileImporter {

    @Override
    public String id() {
        return "casefiles.copy";
    }

    @Override
    public int claim(Path file, byte[] head) {
        return Files.isRegularFile(file) ? 1 : 0;
    }

    @Override
    public void importFile(Path file, ImportSession session) throws Exception {
        Path copy = session.stage(file);
        long lines = countLines(copy, session);
        CaseFilesRepository.insert(session.connection(),
                new CaseFile(session.importId(), copy.getFileName().toString(), Files.size(copy), lines));
        session.addRows(1);
    }

    private static long countLines(Path file, ImportSession session) throws IOException {
        long lines = 0;
        long size = Math.max(1, Files.size(file));
        long read = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                session.context().checkCancelled();
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                read += n;
                session.context().progress((double) read / size, "Copying " + file.getFileName());
            }
        }
        return lines;
    }
}
