package dev.triage.plugin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fuzzes the Prometheus text exposition parser (issue 12; docs/fuzzing.md). Invariants: any line gives a sample,
 * nothing, or an IllegalArgumentException whose message names the line; a parsed sample written back in Prometheus'
 * notation reads back with the same series, time and value (bit for bit, NaN and ±Inf included); a sample built from
 * fuzzed parts (Unicode label values with quotes, backslashes and new lines) reads back as built.
 */
class ExpositionFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyLineIsASampleNothingOrAnErrorNamingTheLine(FuzzedDataProvider data) {
        long lineNumber = data.consumeLong(1, 1_000_000);
        String line = data.consumeRemainingAsString();
        ExpositionParser parser = new ExpositionParser(1_700_000_000_000L);
        Optional<Sample> sample;
        try {
            sample = parser.line(line, lineNumber);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("line " + lineNumber + ": ");
            return;
        }
        if (sample.isEmpty()) {
            String s = line.strip();
            assertThat(s.isEmpty() || s.startsWith("#")).as("only blank and comment lines give nothing: %s", line).isTrue();
            return;
        }
        Sample got = sample.get();
        String written = got.key().text() + " " + text(got.value()) + " " + got.timeMillis();
        Sample again = new ExpositionParser(0).line(written, 1).orElseThrow();
        assertThat(again.key()).isEqualTo(got.key());
        assertThat(again.timeMillis()).isEqualTo(got.timeMillis());
        assertThat(Double.doubleToLongBits(again.value())).as("value of %s", written).isEqualTo(Double.doubleToLongBits(got.value()));
    }

    @FuzzTest(maxDuration = "2m")
    void aWrittenSampleReadsBackTheSame(FuzzedDataProvider data) {
        String metric = "m_" + data.consumeAsciiString(8).replaceAll("[^A-Za-z0-9_:]", "_");
        TreeMap<String, String> labels = new TreeMap<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            labels.put("l" + i + data.consumeAsciiString(4).replaceAll("[^A-Za-z0-9_]", "_"), data.consumeString(20));
        }
        double value = switch (data.consumeInt(0, 4)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            default -> data.consumeRegularDouble();
        };
        long time = data.consumeLong(-1_000_000_000_000L, 10_000_000_000_000L);
        SeriesKey key = SeriesKey.of(metric, labels);
        String line = key.text() + " " + text(value) + (data.consumeBoolean() ? " " + time : "");
        Sample got = new ExpositionParser(time).line(line, 7).orElseThrow();
        assertThat(got.key()).as(line).isEqualTo(key);
        assertThat(got.timeMillis()).isEqualTo(time);
        assertThat(Double.doubleToLongBits(got.value())).as(line).isEqualTo(Double.doubleToLongBits(value));
    }

    /** Writes a value as an exporter does: NaN, +Inf, -Inf, else Java's shortest round-tripping decimal. */
    static String text(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
