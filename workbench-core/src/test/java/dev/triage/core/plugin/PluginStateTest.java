package dev.triage.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginStateTest {

    @Test
    void legalTransitionsFollowTheLifecycle() {
        assertThat(PluginState.UNLOADED.canMoveTo(PluginState.LOADED)).isTrue();
        assertThat(PluginState.LOADED.canMoveTo(PluginState.INITIALIZED)).isTrue();
        assertThat(PluginState.INITIALIZED.canMoveTo(PluginState.RUNNING)).isTrue();
        assertThat(PluginState.RUNNING.canMoveTo(PluginState.STOPPED)).isTrue();
        assertThat(PluginState.STOPPED.canMoveTo(PluginState.INITIALIZED)).as("a restart initialises again").isTrue();
    }

    @Test
    void failedIsReachableFromEveryStateAndLeadsNowhere() {
        for (PluginState s : PluginState.values()) {
            assertThat(s.canMoveTo(PluginState.FAILED)).as(s + " -> FAILED").isTrue();
            if (s != PluginState.FAILED) {
                assertThat(PluginState.FAILED.canMoveTo(s)).as("FAILED -> " + s).isFalse();
            }
        }
    }

    @Test
    void skippingStepsIsIllegal() {
        assertThat(PluginState.UNLOADED.canMoveTo(PluginState.RUNNING)).isFalse();
        assertThat(PluginState.LOADED.canMoveTo(PluginState.RUNNING)).isFalse();
        assertThat(PluginState.RUNNING.canMoveTo(PluginState.INITIALIZED)).isFalse();
        assertThat(PluginState.STOPPED.canMoveTo(PluginState.LOADED)).isFalse();
        assertThat(PluginState.STOPPED.canMoveTo(PluginState.RUNNING)).as("a restart without init has no services").isFalse();
    }
}
