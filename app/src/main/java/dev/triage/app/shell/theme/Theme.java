package dev.triage.app.shell.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;

/** The shell's themes: AtlantaFX Primer light and dark. */
public enum Theme {
    /** Primer light. */
    LIGHT(() -> new PrimerLight().getUserAgentStylesheet()),
    /** Primer dark. */
    DARK(() -> new PrimerDark().getUserAgentStylesheet());

    private final Supplier<String> stylesheet;

    Theme(Supplier<String> stylesheet) {
        this.stylesheet = stylesheet;
    }

    /**
     * Returns the user-agent stylesheet URL of this theme.
     *
     * @return the stylesheet
     */
    public String stylesheet() {
        return stylesheet.get();
    }
}
