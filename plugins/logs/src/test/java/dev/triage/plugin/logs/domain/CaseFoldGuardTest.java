package dev.triage.plugin.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fuzzer's hang: {@code --ignore-case --regex '[[-\uFFFF]'} never finished compiling; now it is refused at once. */
class CaseFoldGuardTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void refusesWhatRe2jCannotFoldAndCompilesEverythingElse() {
        for (String hang : new String[] {"[[-\uFFFF]", "[\\x{0}-\\x{ffff}]", "\\x{1c80}", "[^\\x{1c84}]", "ᲀ", "(?i)[!-\\x{3000}]",
            "[a-z[-\\x{1c85}]"}) {
            assertThat(CaseFoldGuard.touchesLoop(hang)).as(hang).isTrue();
            assertThatThrownBy(() -> new LineMatcher(java.util.List.of(), java.util.List.of(), java.util.List.of(), hang, true))
                    .as(hang).hasMessageContaining("U+1C80 to U+1C88");
        }
        for (String fine : new String[] {"[a-z]+", "[ -~]", "[\\x{4e00}-\\x{9fff}]", "[\\x{0}-\\x{1c7f}]", "[\\x{1c89}-\\x{ffff}]",
            "\\p{Cyrillic}+", "deadlock|lock wait", "[\\]-]", "a-\\x{1c80}b".replace("\\x{1c80}", "z")}) {
            assertThat(CaseFoldGuard.touchesLoop(fine)).as(fine).isFalse();
            new LineMatcher(java.util.List.of(), java.util.List.of(), java.util.List.of(), fine, true);
        }
        // with case the same pattern compiles at once
        new LineMatcher(java.util.List.of(), java.util.List.of(), java.util.List.of(), "[[-\uFFFF]", false);
    }
}
