package dev.triage.app.shell.palette;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyMatchTest {

    @Test
    void lettersMustAppearInOrder() {
        assertThat(FuzzyMatch.score("tmf", "Touch the marker file")).isPositive();
        assertThat(FuzzyMatch.score("ftm", "Touch the marker file")).isEqualTo(-1);
    }

    @Test
    void blankMatchesEverything() {
        assertThat(FuzzyMatch.score("  ", "anything")).isZero();
    }

    @Test
    void substringsAndWordStartsBeatScatteredLetters() {
        int word = FuzzyMatch.score("log", "Open view: Log");
        int scattered = FuzzyMatch.score("log", "Open a big folder");
        assertThat(word).isGreaterThan(scattered);
    }

    @Test
    void caseIsIgnored() {
        assertThat(FuzzyMatch.score("ABOUT", "about triage")).isEqualTo(FuzzyMatch.score("about", "About Triage"));
    }
}
