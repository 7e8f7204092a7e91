package dev.triage.plugin.rca.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    static boolean in(String range, String version) {
        return VersionRange.parse(range).contains(Version.parse(version));
    }

    @Test
    void boundsAreIncludedOrExcludedAsWritten() {
        assertThat(in("[8.0.29,8.0.30)", "8.0.29")).isTrue();
        assertThat(in("[8.0.29,8.0.30)", "8.0.30")).isFalse();
        assertThat(in("(8.0.29,8.0.30]", "8.0.29")).isFalse();
        assertThat(in("(8.0.29,8.0.30]", "8.0.30")).isTrue();
        assertThat(in("[7.0]", "7.0.0")).isTrue();
        assertThat(in("[7.0]", "7.0.1")).isFalse();
    }

    @Test
    void openBoundsAndSeveralIntervals() {
        assertThat(in("(,6.2.6)", "2.8.24")).isTrue();
        assertThat(in("(,6.2.6)", "6.2.6")).isFalse();
        assertThat(in("[7.4.0,)", "99.0")).isTrue();
        String r = "[6.0.0,6.0.16) || [6.2.0,6.2.6)";
        assertThat(in(r, "6.0.15")).isTrue();
        assertThat(in(r, "6.1.0")).isFalse();
        assertThat(in(r, "6.2.5")).isTrue();
        assertThat(in(r, "6.2.6")).isFalse();
    }

    @Test
    void comparesNumbersNotText() {
        assertThat(Version.parse("8.0.30").compareTo(Version.parse("8.0.4"))).isPositive();
        assertThat(Version.parse("10.6").compareTo(Version.parse("10.6.0"))).isZero();
        assertThat(Version.parse("0.11.0.0").compareTo(Version.parse("0.11.0.1"))).isNegative();
        assertThat(in("[0.11.0.0,2.1.1)", "2.1.0")).isTrue();
        assertThat(in("[0.11.0.0,2.1.1)", "0.10.2.2")).isFalse();
    }

    @Test
    void readsTheVersionsServersReport() {
        assertThat(Version.parse("v7.5.1").parts()).containsExactly(7, 5, 1);
        assertThat(Version.parse("10.6.12-MariaDB-log").parts()).containsExactly(10, 6, 12);
        assertThat(Version.parse("5.5.5-10.6.12-MariaDB").parts()).containsExactly(10, 6, 12);
        assertThat(Version.parse("8.0.32-0ubuntu0.22.04.2").parts()).containsExactly(8, 0, 32);
        assertThat(Version.parse("5.7.25-TiDB-v7.5.1").parts()).containsExactly(5, 7, 25);
    }

    @Test
    void refusesMalformedRanges() {
        assertThatThrownBy(() -> VersionRange.parse("8.0.1")).hasMessageContaining("'8.0.1'");
        assertThatThrownBy(() -> VersionRange.parse("[8.0.30,8.0.1)")).hasMessageContaining("lower bound above");
        assertThatThrownBy(() -> VersionRange.parse("(8.0.1)")).hasMessageContaining("must be [version]");
        assertThatThrownBy(() -> Version.parse("latest")).hasMessageContaining("not a version");
    }
}
