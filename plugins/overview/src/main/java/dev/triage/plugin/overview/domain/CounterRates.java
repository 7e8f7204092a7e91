package dev.triage.plugin.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns monotonically increasing server counters into per-second rates, per target, like Prometheus' {@code rate}:
 * a counter that went down (the server restarted, or FLUSH STATUS) counts from zero, so the rate is the new value over the
 * interval instead of a negative number.
 */
public final class CounterRates {

    private final Map<String, Previous> previous = new HashMap<>();

    private record Previous(Instant time, Map<String, Double> counters, double uptime) {
    }

    /**
     * Rates of the counters since the previous call for the same target.
     *
     * @param target the target id
     * @param time when the counters were read
     * @param counters counter name to raw value
     * @param uptime the server's uptime in seconds (NaN when unknown): a smaller uptime than before is a restart
     * @return counter name to rate per second; empty on the first call for a target
     */
    public synchronized Map<String, Double> rates(String target, Instant time, Map<String, Double> counters, double uptime) {
        Previous p = previous.put(target, new Previous(time, Map.copyOf(counters), uptime));
        Map<String, Double> out = new HashMap<>();
        if (p == null) {
            return out;
        }
        double seconds = Duration.between(p.time(), time).toNanos() / 1e9;
        if (seconds <= 0) {
            return out;
        }
        boolean restarted = !Double.isNaN(uptime) && !Double.isNaN(p.uptime()) && uptime < p.uptime();
        for (Map.Entry<String, Double> e : counters.entrySet()) {
            Double before = p.counters().get(e.getKey());
            if (before == null) {
                continue;
            }
            double now = e.getValue();
            double delta = restarted || now < before ? now : now - before;
            out.put(e.getKey(), delta / seconds);
        }
        return out;
    }

    /**
     * Forgets a target (after it went down the next sample starts afresh).
     *
     * @param target the target id
     */
    public synchronized void forget(String target) {
        previous.remove(target);
    }
}
