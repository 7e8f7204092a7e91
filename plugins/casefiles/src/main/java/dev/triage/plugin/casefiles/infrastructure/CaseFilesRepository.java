package dev.triage.plugin.casefiles.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseException;
import dev.triage.plugin.casefiles.application.CaseFileRepository;
import dev.triage.plugin.casefiles.application.CaseFile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the {@code casefiles_files} table in the case database. */
public final class CaseFilesRepository implements CaseFileRepository {

    @Override
    public List<CaseFile> list(Case c) throws CaseException {
        List<CaseFile> out = new ArrayList<>();
        try (Connection conn = c.newConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT f.import_id, f.name, f.bytes, c.lines, f.importer, f.rows FROM case_files f"
                     + " JOIN case_imports i ON i.id = f.import_id"
                     + " LEFT JOIN casefiles_files c ON c.import_id = f.import_id AND c.name = f.name"
                     + " ORDER BY i.imported_at, f.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object lines = rs.getObject(4);
                Object rows = rs.getObject(6);
                out.add(new CaseFile(rs.getString(1), rs.getString(2), rs.getLong(3), lines == null ? null : ((Number) lines).longValue(),
                        rs.getString(5), rows == null ? null : ((Number) rows).longValue()));
            }
        } catch (SQLException e) {
            throw new CaseException("Cannot list the files of " + c.folder() + ": " + e.getMessage(), e);
        }
        return out;
    }

    static void insert(Connection conn, CaseFile f) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO casefiles_files VALUES (?, ?, ?, ?)")) {
            ps.setString(1, f.importId());
            ps.setString(2, f.name());
            ps.setLong(3, f.bytes());
            ps.setLong(4, f.lines());
            ps.executeUpdate();
        }
    }
}
