package dev.triage.plugin.ddl.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.triage.plugin.ddl.api.DdlCheckRequest;
import dev.triage.plugin.ddl.api.DdlCheckResult;

/**
 * Any DDL text is checked without an exception, and a lossy script never becomes clean by gaining whitespace or a
 * comment: it stays lossy or becomes an input error (issue 12; docs/fuzzing.md).
 */
class LossyDdlFuzzTest {

    private static final String SCHEMA = "CREATE TABLE t (a BIGINT, b VARCHAR(40) CHARACTER SET utf8mb4, c DATETIME(6));\n";

    @FuzzTest(maxDuration = "30s")
    void whitespaceAndCommentsNeverHideALoss(FuzzedDataProvider data) {
        String ddl = data.consumeRemainingAsString();
        LossyDdlChecker checker = new LossyDdlChecker();
        DdlCheckResult plain = checker.check(DdlCheckRequest.mysql(SCHEMA + ddl));
        DdlCheckResult padded = checker.check(DdlCheckRequest.mysql(SCHEMA + "/* reviewed */\n  " + ddl.replace(" ", "  ") + "\n"));
        if (plain.worst().losesData() && plain.errors().isEmpty()) {
            assertThat(padded.worst().losesData() || !padded.errors().isEmpty())
                    .as("verdict of '%s' with extra whitespace and a comment", ddl).isTrue();
        }
    }
}
