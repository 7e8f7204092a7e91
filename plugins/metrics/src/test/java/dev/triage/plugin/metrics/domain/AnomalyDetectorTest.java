package dev.triage.plugin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    static Series series(String name, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 1000L;
        }
        return new Series(SeriesKey.of(name, Map.of()), MetricType.GAUGE, t, values);
    }

    static double[] noisy(int n, int jumpAt, double jump) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 100 + (i % 5) - 2 + (i >= jumpAt ? jump : 0);
        }
        return v;
    }

    @Test
    void marksPointsBeyondTheRollingBandButNotNoiseNaNOrInfinity() {
        double[] v = noisy(60, 1000, 0);
        v[40] = 150;
        v[45] = Double.NaN;
        v[46] = Double.POSITIVE_INFINITY;
        List<Anomaly> marks = AnomalyDetector.DEFAULT.marks(series("a", v));
        assertThat(marks).singleElement().satisfies(a -> {
            assertThat(a.timeMillis()).isEqualTo(40_000);
            assertThat(a.median()).isEqualTo(100);
            assertThat(a.score()).isGreaterThan(5);
        });
        assertThat(AnomalyDetector.DEFAULT.marks(series("flat", new double[50]))).isEmpty();
        assertThatThrownBy(() -> new AnomalyDetector(2, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flatAndNearZeroSeriesDoNotFloodMarksButANewLevelIsMarked() {
        java.util.Random r = new java.util.Random(7);
        int n = 11_000;
        double[] blips = new double[n]; // a rate that is 0 with a small blip now and then (a quiet counter)
        double[] floatNoise = new double[n]; // 0 with rounding noise, as rate() of an idle counter gives
        double[] constant = new double[n]; // a gauge that barely moves: 1 GiB give or take a page
        double[] stepAfterBlips = new double[n];
        for (int i = 0; i < n; i++) {
            blips[i] = r.nextInt(40) == 0 ? 0.2 * (1 + r.nextInt(3)) : 0;
            floatNoise[i] = r.nextInt(3) == 0 ? (r.nextDouble() - 0.5) * 1e-15 : 0;
            constant[i] = 1_073_741_824 + (r.nextInt(50) == 0 ? 4096 : 0);
            stepAfterBlips[i] = blips[i] + (i >= 8_000 ? 5 : 0);
        }
        AnomalyDetector d = AnomalyDetector.DEFAULT;
        assertThat(d.marks(series("blips", blips))).hasSizeLessThan(n / 200);
        assertThat(d.marks(series("noise", floatNoise))).isEmpty();
        assertThat(d.marks(series("constant", constant))).isEmpty();
        List<Anomaly> step = d.marks(series("step", stepAfterBlips));
        assertThat(step).isNotEmpty().hasSizeLessThan(n / 200);
        assertThat(step).anySatisfy(a -> assertThat(a.timeMillis()).isEqualTo(8_000_000));
    }

    @Test
    void onAChartTheFloorComesFromTheChartSoASeriesFlatBesideTheOthersIsNotCoveredInMarks() {
        java.util.Random r = new java.util.Random(11);
        int n = 2_000;
        double[] big = new double[n];
        double[] small = new double[n];
        for (int i = 0; i < n; i++) {
            big[i] = 50 + 40 * Math.sin(i / 100.0);
            small[i] = Math.abs(r.nextGaussian()) * 0.002 + (r.nextInt(25) == 0 ? 0.03 : 0) + (i >= 1_500 ? 30 : 0);
        }
        Series user = series("user", big);
        Series irq = series("irq", small);
        assertThat(AnomalyDetector.DEFAULT.marks(series("irq", java.util.Arrays.copyOf(small, 1_500))))
                .as("alone, its own tiny noise is its scale").isNotEmpty();
        List<Anomaly> onChart = AnomalyDetector.DEFAULT.marks(List.of(user, irq));
        assertThat(onChart).allSatisfy(a -> assertThat(a.key().metric()).isEqualTo("irq"));
        assertThat(onChart).extracting(Anomaly::timeMillis).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(1_500_000L))
                .contains(1_500_000L);
    }

    @Test
    void theSlidingWindowGivesTheSameBandAsSortingEachWindow() {
        java.util.Random r = new java.util.Random(3);
        double[] v = new double[2_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(r.nextGaussian() * 10) / 2.0 + (i % 500 == 499 ? 80 : 0);
        }
        List<Anomaly> marks = AnomalyDetector.DEFAULT.marks(series("g", v));
        assertThat(marks).isNotEmpty();
        for (Anomaly a : marks) {
            int i = (int) (a.timeMillis() / 1000);
            double[] w = java.util.Arrays.copyOfRange(v, i - 30, i);
            java.util.Arrays.sort(w);
            double median = (w[14] + w[15]) / 2;
            double[] dev = java.util.Arrays.stream(w).map(x -> Math.abs(x - median)).sorted().toArray();
            assertThat(a.median()).isEqualTo(median);
            assertThat(a.mad()).isGreaterThanOrEqualTo((dev[14] + dev[15]) / 2 * 1.4826 - 1e-9);
        }
    }

    @Test
    void listsWhatChangedFirstAcrossSeries() {
        Series late = series("late", noisy(80, 50, 40));
        Series early = series("early", noisy(80, 35, -60));
        Series calm = series("calm", noisy(80, 1000, 0));
        List<Anomaly> first = AnomalyDetector.DEFAULT.changedFirst(List.of(late, calm, early), 0, Long.MAX_VALUE);
        assertThat(first).extracting(a -> a.key().metric()).containsExactly("early", "late");
        assertThat(first.get(0).timeMillis()).isEqualTo(35_000);
        assertThat(first.get(1).timeMillis()).isEqualTo(50_000);
        assertThat(AnomalyDetector.DEFAULT.changedFirst(List.of(late, early), 40_000, Long.MAX_VALUE))
                .extracting(a -> a.key().metric()).containsExactly("early", "late");
    }

    @Test
    void choosesAStepThatKeepsEachSeriesUnderElevenThousandPoints() {
        assertThat(Step.forRange(Duration.ofHours(1), 11_000, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Step.forRange(Duration.ofHours(24), 11_000, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(10));
        assertThat(Step.forRange(Duration.ofDays(30), 11_000, Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Step.forRange(Duration.ofHours(1), 100, Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(Step.forRange(Duration.ofMinutes(5), 11_000, Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        for (long hours : new long[] {1, 3, 7, 24, 100, 1000, 20000}) {
            Duration r = Duration.ofHours(hours);
            assertThat(Step.points(r, Step.forRange(r, 11_000, Duration.ofSeconds(1)))).isLessThanOrEqualTo(Step.MAX_POINTS);
        }
    }

    @Test
    void selectorsMatchLikePromQL() {
        SeriesKey k = SeriesKey.of("node_load1", Map.of("instance", "a:9100", "job", "node"));
        assertThat(Selector.parse("node_load1").matches(k)).isTrue();
        assertThat(Selector.parse("node_load1{instance=\"a:9100\"}").matches(k)).isTrue();
        assertThat(Selector.parse("node_load1{instance!=\"a:9100\"}").matches(k)).isFalse();
        assertThat(Selector.parse("{__name__=~\"node_.*\", job=~\"no.e\"}").matches(k)).isTrue();
        assertThat(Selector.parse("node_load1{job!~\"n.*\"}").matches(k)).isFalse();
        assertThat(Selector.parse("node_load1{missing=\"\"}").matches(k)).isTrue();
        assertThat(Selector.parse("node_load5").matches(k)).isFalse();
        assertThatThrownBy(() -> Selector.parse("rate(x[1m])")).hasMessageContaining("not a metric selector");
        assertThatThrownBy(() -> Selector.parse("x{a=b}")).hasMessageContaining("cannot read the label matchers");
    }

    @Test
    void querySetFilesReadTitlesQueriesAndContinuations() {
        QuerySet s = QuerySet.parse("t", "# c\nA = up\n\nB = sum(rate(x[1m]))\n  / 2\n");
        assertThat(s.queries()).containsExactly(new NamedQuery("A", "up"), new NamedQuery("B", "sum(rate(x[1m])) / 2"));
        assertThatThrownBy(() -> QuerySet.parse("t", "A up\n")).hasMessageContaining("line 1");
    }
}
