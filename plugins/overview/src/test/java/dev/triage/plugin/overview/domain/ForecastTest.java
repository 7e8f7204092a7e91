package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {

    @Test
    void anExactLineGivesItsSlopeAndTheDayItReachesTheLimit() {
        List<Forecast.Point> points = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            points.add(new Forecast.Point(20000 + d, 100 + 10 * d));
        }
        Forecast f = Forecast.fit(points, 500).orElseThrow();
        assertThat(f.slope()).isCloseTo(10, within(1e-9));
        assertThat(f.daysToLimit()).hasValueSatisfying(d -> assertThat(d).isCloseTo(31, within(1e-9)));
        assertThat(f.slopeStdError()).isCloseTo(0, within(1e-9));
        assertThat(f.daysLow()).isCloseTo(31, within(1e-6));
        assertThat(f.daysHigh()).isCloseTo(31, within(1e-6));
        assertThat(f.reliable()).isTrue();
    }

    /** Values computed independently (numpy.polyfit and the textbook slope standard error) on the series below. */
    @Test
    void aNoisySeriesMatchesAnIndependentLeastSquaresFit() {
        double[] y = {10.0, 12.5, 13.1, 15.8, 16.2, 18.9, 20.1, 21.7};
        List<Forecast.Point> points = new ArrayList<>();
        for (int d = 0; d < y.length; d++) {
            points.add(new Forecast.Point(d, y[d]));
        }
        Forecast f = Forecast.fit(points, 50).orElseThrow();
        // normal equations by hand: n=8, Σx=28, Σx²=140, Σy=128.3, Σxy=517.9 → slope = (8·517.9 − 28·128.3)/(8·140 − 28²)
        double slope = (8 * 517.9 - 28 * 128.3) / (8 * 140 - 28 * 28.0);
        double intercept = (128.3 - slope * 28) / 8;
        assertThat(f.slope()).isCloseTo(slope, within(1e-9)).isCloseTo(1.63929, within(1e-4));
        assertThat(f.intercept()).isCloseTo(intercept, within(1e-9));
        double lastFit = intercept + slope * 7;
        assertThat(f.daysToLimit().orElseThrow()).isCloseTo((50 - lastFit) / slope, within(1e-9));
        assertThat(f.r2()).isGreaterThan(0.98);
        assertThat(f.daysLow()).isLessThan(f.daysToLimit().orElseThrow());
        assertThat(f.daysHigh()).isGreaterThan(f.daysToLimit().orElseThrow());
    }

    @Test
    void shrinkingOrTooShortOrSeasonalSeriesGiveNoReliableForecast() {
        assertThat(Forecast.fit(List.of(new Forecast.Point(0, 1), new Forecast.Point(1, 2)), 10)).isEmpty();
        Forecast down = Forecast.fit(List.of(new Forecast.Point(0, 9), new Forecast.Point(1, 8), new Forecast.Point(2, 7)), 10).orElseThrow();
        assertThat(down.daysToLimit()).isEmpty();
        assertThat(down.reliable()).isFalse();
        List<Forecast.Point> weekly = new ArrayList<>();
        for (int d = 0; d < 28; d++) {
            weekly.add(new Forecast.Point(d, 100 + 50 * Math.sin(d * 2 * Math.PI / 7) + 0.1 * d));
        }
        Forecast seasonal = Forecast.fit(weekly, 1000).orElseThrow();
        assertThat(seasonal.r2()).isLessThan(Forecast.RELIABLE_R2);
        assertThat(seasonal.reliable()).as("a weekly cycle is no growth line").isFalse();
    }

    @Test
    void rollupMatchesItsDefinition() {
        Rollup r = Rollup.of(List.of(5.0, 1.0, 3.0, 2.0, 4.0));
        assertThat(r.min()).isEqualTo(1);
        assertThat(r.max()).isEqualTo(5);
        assertThat(r.avg()).isEqualTo(3);
        assertThat(r.last()).isEqualTo(4);
        assertThat(r.p95()).isCloseTo(4.8, within(1e-9));
    }
}
