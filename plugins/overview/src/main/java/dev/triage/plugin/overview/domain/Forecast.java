package dev.triage.plugin.overview.domain;

import java.util.List;
import java.util.Optional;

/**
 * Capacity forecast: least-squares line through daily values (like Prometheus {@code predict_linear}), the day the line
 * reaches a limit, and a 95 % interval on that day from the slope's standard error.
 *
 * @param slope growth per day
 * @param intercept value at day 0
 * @param slopeStdError standard error of the slope
 * @param r2 coefficient of determination of the fit
 * @param points number of days used
 * @param daysToLimit days from the last point until the line reaches the limit (empty when not growing)
 * @param daysLow the early end of the 95 % interval (slope + 1.96 standard errors)
 * @param daysHigh the late end (slope - 1.96 standard errors; infinite when that slope is not positive)
 * @param reliable false when there are too few days or the series is not close to a line (seasonal or noisy data)
 */
public record Forecast(double slope, double intercept, double slopeStdError, double r2, int points, Optional<Double> daysToLimit,
                       double daysLow, double daysHigh, boolean reliable) {

    /** Fewest days for a forecast at all. */
    public static final int MIN_POINTS = 3;
    /** Fewest days for a reliable forecast. */
    public static final int RELIABLE_POINTS = 7;
    /** Smallest R² for a reliable forecast: below it the series is not growing along a line (seasonality, clean-ups). */
    public static final double RELIABLE_R2 = 0.6;

    /**
     * A point of the series.
     *
     * @param day the day number (e.g. epoch day)
     * @param value the value that day (e.g. the day's last size)
     */
    public record Point(double day, double value) {
    }

    /**
     * Fits the series and projects it to the limit.
     *
     * @param series points in any order
     * @param limit the value at which storage is full
     * @return the forecast, or empty with fewer than {@link #MIN_POINTS} points
     */
    public static Optional<Forecast> fit(List<Point> series, double limit) {
        int n = series.size();
        if (n < MIN_POINTS) {
            return Optional.empty();
        }
        double mx = series.stream().mapToDouble(Point::day).average().orElseThrow();
        double my = series.stream().mapToDouble(Point::value).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Point p : series) {
            sxx += (p.day() - mx) * (p.day() - mx);
            sxy += (p.day() - mx) * (p.value() - my);
            syy += (p.value() - my) * (p.value() - my);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (Point p : series) {
            double r = p.value() - (intercept + slope * p.day());
            sse += r * r;
        }
        double se = Math.sqrt(sse / (n - 2) / sxx);
        double r2 = syy == 0 ? 1 : 1 - sse / syy;
        double lastDay = series.stream().mapToDouble(Point::day).max().orElseThrow();
        double lastFit = intercept + slope * lastDay;
        Optional<Double> days = slope > 0 ? Optional.of(Math.max(0, (limit - lastFit) / slope)) : Optional.empty();
        double fast = slope + 1.96 * se;
        double slow = slope - 1.96 * se;
        double low = fast > 0 ? Math.max(0, (limit - lastFit) / fast) : Double.POSITIVE_INFINITY;
        double high = slow > 0 ? Math.max(0, (limit - lastFit) / slow) : Double.POSITIVE_INFINITY;
        boolean reliable = n >= RELIABLE_POINTS && r2 >= RELIABLE_R2 && slope > 0;
        return Optional.of(new Forecast(slope, intercept, se, r2, n, days, low, high, reliable));
    }

    /**
     * One point of the forecast band.
     *
     * @param day the epoch day
     * @param fit the fitted value
     * @param low the value if growth is at the slow end of the 95 % interval
     * @param high the value if growth is at the fast end of the 95 % interval
     */
    public record BandPoint(double day, double fit, double low, double high) {
    }

    /**
     * The forecast drawn ahead: the fitted line from {@code fromDay} to {@code toDay}, and the band the slope's 95 % interval
     * opens from the fitted value at {@code fromDay}, the same interval the days-to-limit range uses.
     *
     * @param fromDay the first epoch day (usually the last measured day)
     * @param toDay the last epoch day
     * @param steps how many intervals between them (at least 1)
     * @return {@code steps + 1} points
     */
    public java.util.List<BandPoint> band(double fromDay, double toDay, int steps) {
        java.util.List<BandPoint> out = new java.util.ArrayList<>();
        double start = intercept + slope * fromDay;
        for (int i = 0; i <= Math.max(1, steps); i++) {
            double d = fromDay + (toDay - fromDay) * i / Math.max(1, steps);
            double ahead = d - fromDay;
            out.add(new BandPoint(d, start + slope * ahead, start + (slope - 1.96 * slopeStdError) * ahead,
                    start + (slope + 1.96 * slopeStdError) * ahead));
        }
        return out;
    }
}
