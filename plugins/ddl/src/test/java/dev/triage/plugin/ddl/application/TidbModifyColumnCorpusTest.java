package dev.triage.plugin.ddl.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;
import dev.triage.plugin.ddl.api.DdlDialect;
import dev.triage.plugin.ddl.api.DdlVerdict;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TiDB's own modify_column integration test: every ALTER it expects to fail with a data error in strict mode
 * (1690 out of range, 1264 out of range, 1292 truncated, 1265 data truncated) must be LOSSY for the checker, in both
 * dialects; every ALTER must get a verdict from the CREATE TABLE before it.
 */
class TidbModifyColumnCorpusTest {

    private static final List<String> DATA_ERRORS = List.of("1690", "1264", "1292", "1265", "1406", "1366");

    private record Case(int line, String create, String alter, String error) {
    }

    @Test
    void everyDataErrorIsLossyAndEveryAlterHasAVerdict() throws Exception {
        List<String> lines = Files.readAllLines(Corpus.ddl().resolve("tidb/modify_column.test"));
        List<Case> cases = new ArrayList<>();
        String create = null;
        String error = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.toLowerCase().startsWith("create table")) {
                create = l;
            } else if (l.startsWith("-- error")) {
                error = l.substring("-- error".length()).strip();
            } else if (l.toLowerCase().startsWith("alter table") && create != null) {
                cases.add(new Case(i + 1, create, l, error));
                error = null;
            } else if (!l.isEmpty() && !l.startsWith("#")) {
                error = l.toLowerCase().startsWith("set @@sql_mode") ? error : null;
            }
        }
        assertThat(cases).hasSizeGreaterThan(100);
        LossyDdlChecker checker = new LossyDdlChecker();
        int lossy = 0;
        for (Case c : cases) {
            for (DdlDialect dialect : DdlDialect.values()) {
                DdlCheckResult r = checker.check(new DdlCheckRequest(c.alter(), c.create(), dialect));
                assertThat(r.errors()).as("line %d", c.line()).isEmpty();
                DdlVerdict v = r.statements().get(0).verdict();
                assertThat(v).as("line %d: %s", c.line(), c.alter()).isNotEqualTo(DdlVerdict.UNKNOWN);
                if (c.error() != null && DATA_ERRORS.contains(c.error())) {
                    assertThat(v).as("line %d: %s after %s expects error %s", c.line(), c.alter(), c.create(), c.error())
                            .isEqualTo(DdlVerdict.LOSSY);
                    lossy++;
                }
            }
        }
        assertThat(lossy).isGreaterThan(50);
    }

    @Test
    void theWholeFileIsCheckedWithItsNonSqlLinesReported() throws Exception {
        String text = Files.readString(Corpus.ddl().resolve("tidb/modify_column.test"));
        DdlCheckResult r = new LossyDdlChecker().check(new DdlCheckRequest(text, "", DdlDialect.TIDB));
        assertThat(r.statements()).hasSizeGreaterThan(300);
        assertThat(r.statements()).filteredOn(s -> s.statement().toLowerCase().startsWith("drop table")).allSatisfy(s ->
                assertThat(s.verdict()).isEqualTo(DdlVerdict.DESTRUCTIVE));
        assertThat(r.errors()).allSatisfy(e -> assertThat(e.line()).isPositive());
    }
}
