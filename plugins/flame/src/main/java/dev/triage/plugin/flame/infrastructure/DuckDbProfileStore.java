package dev.triage.plugin.flame.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.plugin.flame.application.ProfileStore;
import dev.triage.plugin.flame.application.StoredProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Lists the profiles of a case from its {@code flame_profiles} table. */
public final class DuckDbProfileStore implements ProfileStore {

    @Override
    public List<StoredProfile> list(Case theCase) throws SQLException {
        List<StoredProfile> out = new ArrayList<>();
        try (Connection c = theCase.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT p.import_id, p.file, p.path, p.format, p.sample_type, p.total, "
                     + "p.target, p.collected_at FROM " + FlameSchema.PROFILES + " p JOIN case_imports i ON i.id = p.import_id "
                     + "ORDER BY i.imported_at, p.file");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(8);
                out.add(new StoredProfile(rs.getString(1), rs.getString(2), theCase.folder().resolve(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), at == null ? null : at.toInstant()));
            }
        }
        return out;
    }
}
