package dev.triage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void parsesAndOrdersVersions() {
        assertThat(Version.parse("1.2")).isEqualTo(new Version(1, 2, 0, ""));
        assertThat(Version.parse("1.10.0")).isGreaterThan(Version.parse("1.9.9"));
        assertThat(Version.parse("1.0.0-SNAPSHOT")).isLessThan(Version.parse("1.0.0"));
        assertThat(Version.parse("2.0.1-rc1").toString()).isEqualTo("2.0.1-rc1");
        assertThatThrownBy(() -> Version.parse("one")).hasMessageContaining("Not a version: 'one'");
    }

    @Test
    void rangesFollowMavenNotation() {
        VersionRange r = VersionRange.parse("[1.0,2.0)");
        assertThat(r.contains(Version.parse("1.0"))).isTrue();
        assertThat(r.contains(Version.parse("1.9.9"))).isTrue();
        assertThat(r.contains(Version.parse("2.0"))).isFalse();
        assertThat(r.contains(Version.parse("0.9"))).isFalse();
        assertThat(VersionRange.parse("(1.0,]").contains(Version.parse("1.0"))).isFalse();
        assertThat(VersionRange.parse("1.2").contains(Version.parse("7.0"))).isTrue();
        assertThat(VersionRange.parse("[1.2]").contains(Version.parse("1.2.1"))).isFalse();
        assertThat(VersionRange.parse("*").contains(Version.parse("0.0.1"))).isTrue();
        assertThat(r.contains(Version.parse("1.0.0-SNAPSHOT"))).as("snapshots count as their release").isTrue();
        assertThat(VersionRange.parse("[1.0,2.0)").toString()).isEqualTo("[1.0.0,2.0.0)");
        assertThatThrownBy(() -> VersionRange.parse("[1.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requirementsAndDescriptorsValidate() {
        assertThat(PluginRequirement.parse("core@[0.1,1.0)").pluginId()).isEqualTo("core");
        assertThat(PluginRequirement.parse("slowlog").range()).isEqualTo(VersionRange.ANY);
        assertThatThrownBy(() -> PluginDescriptor.of("Bad Id", "x", "1.0")).hasMessageContaining("'Bad Id'");
    }
}
