package dev.triage.plugin.metrics.infrastructure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.triage.plugin.metrics.domain.ExpositionParser;
import dev.triage.plugin.metrics.domain.MetricType;
import dev.triage.plugin.metrics.domain.Series;
import dev.triage.plugin.metrics.domain.SeriesKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Streams the JSON that Prometheus' {@code /api/v1/query_range} (a matrix) or {@code /api/v1/query} (a vector) returns,
 * without building a tree, so 200 series × 11,000 points stay small in memory.
 */
public final class QueryResultReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private QueryResultReader() {
    }

    /**
     * Reads a response.
     *
     * @param in the body
     * @param unnamed the metric name given to result series without {@code __name__}
     * @return the series
     * @throws IOException when the JSON is broken, or the response says {@code "status":"error"} (its error is kept)
     */
    public static List<Series> read(InputStream in, String unnamed) throws IOException {
        List<Series> out = new ArrayList<>();
        read(in, unnamed, out::add);
        return out;
    }

    /**
     * Reads a response, handing over each series as soon as it is complete.
     *
     * @param in the body
     * @param unnamed the metric name given to result series without {@code __name__}
     * @param sink receives the series in order
     * @throws IOException when the JSON is broken, or the response says {@code "status":"error"} (its error is kept)
     */
    public static void read(InputStream in, String unnamed, java.util.function.Consumer<Series> sink) throws IOException {
        String status = null;
        String error = null;
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, p);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> status = p.getText();
                    case "error" -> error = p.getText();
                    case "data" -> data(p, unnamed, sink);
                    default -> p.skipChildren();
                }
            }
        }
        if (!"success".equals(status)) {
            throw new IOException("Prometheus answered status " + status + (error == null ? "" : ": " + error));
        }
    }

    private static void data(JsonParser p, String unnamed, java.util.function.Consumer<Series> out) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT, p);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("result")) {
                expect(p.currentToken(), JsonToken.START_ARRAY, p);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    out.accept(series(p, unnamed));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static Series series(JsonParser p, String unnamed) throws IOException {
        TreeMap<String, String> labels = new TreeMap<>();
        long[] t = new long[64];
        double[] v = new double[64];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "metric" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        labels.put(name, p.getText());
                    }
                }
                case "values" -> {
                    expect(p.currentToken(), JsonToken.START_ARRAY, p);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        if (n == t.length) {
                            t = Arrays.copyOf(t, n * 2);
                            v = Arrays.copyOf(v, n * 2);
                        }
                        p.nextToken();
                        t[n] = Math.round(p.getDoubleValue() * 1000);
                        p.nextToken();
                        v[n++] = ExpositionParser.value(p.getText());
                        expect(p.nextToken(), JsonToken.END_ARRAY, p);
                    }
                }
                case "value" -> {
                    p.nextToken();
                    t[0] = Math.round(p.getDoubleValue() * 1000);
                    p.nextToken();
                    v[0] = ExpositionParser.value(p.getText());
                    n = 1;
                    expect(p.nextToken(), JsonToken.END_ARRAY, p);
                }
                default -> p.skipChildren();
            }
        }
        String name = labels.getOrDefault("__name__", unnamed);
        return new Series(new SeriesKey(name, labels), MetricType.UNTYPED, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    private static void expect(JsonToken actual, JsonToken wanted, JsonParser p) throws IOException {
        if (actual != wanted) {
            throw new IOException("Not a Prometheus query result: expected " + wanted + " but found " + actual + " at line "
                    + p.currentLocation().getLineNr() + " column " + p.currentLocation().getColumnNr());
        }
    }
}
