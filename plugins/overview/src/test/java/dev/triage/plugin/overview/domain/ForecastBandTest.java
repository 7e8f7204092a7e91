package dev.triage.plugin.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The band drawn ahead of the data opens from the fitted value with the slope's 95 % interval. */
class ForecastBandTest {

    @Test
    void bandStartsOnTheFitAndWidensWithTheSlopeInterval() {
        List<Forecast.Point> points = new ArrayList<>();
        double[] noise = {0, 3, -2, 4, -3, 1, -1, 2, -4, 0};
        for (int d = 0; d < noise.length; d++) {
            points.add(new Forecast.Point(20_000 + d, 100 + 10 * d + noise[d]));
        }
        Forecast f = Forecast.fit(points, 1000).orElseThrow();
        List<Forecast.BandPoint> band = f.band(20_009, 20_039, 3);
        assertThat(band).hasSize(4);
        Forecast.BandPoint first = band.get(0);
        double fitAt = f.intercept() + f.slope() * 20_009;
        assertThat(first.fit()).isCloseTo(fitAt, within(1e-9));
        assertThat(first.low()).isCloseTo(fitAt, within(1e-9));
        assertThat(first.high()).isCloseTo(fitAt, within(1e-9));
        Forecast.BandPoint last = band.get(3);
        assertThat(last.day()).isEqualTo(20_039);
        assertThat(last.fit()).isCloseTo(fitAt + 30 * f.slope(), within(1e-9));
        assertThat(last.high() - last.fit()).isCloseTo(30 * 1.96 * f.slopeStdError(), within(1e-9));
        assertThat(last.fit() - last.low()).isCloseTo(30 * 1.96 * f.slopeStdError(), within(1e-9));
        assertThat(f.slopeStdError()).as("noisy data: a real band").isPositive();
    }
}
