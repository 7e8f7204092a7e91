package dev.triage.plugin.slowlog.application;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.triage.core.command.CommandOutput;
import java.util.List;

/**
 * The result of a digest command: the ranked groups, printed like pt-query-digest's report (a profile, then each group's
 * statistics, histogram and sample) as text or Markdown, and as the plain list of rows in JSON.
 *
 * @param rows the groups, best ranked first
 */
public record DigestReport(@JsonValue List<DigestRow> rows) implements CommandOutput {

    /** Copies the rows. */
    public DigestReport {
        rows = List.copyOf(rows);
    }

    @Override
    public String text() {
        return DigestText.text(rows);
    }

    @Override
    public String markdown() {
        return DigestText.markdown(rows);
    }
}
