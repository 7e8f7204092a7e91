package dev.triage.plugin.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {

    static final String TEXT = """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # Escaping in label values:
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

            # Minimalistic line:
            metric_without_timestamp_and_labels 12.47

            # A weird metric from before the epoch:
            something_weird{problem="division by zero"} +Inf -3982045
            not_a_number NaN
            negative_infinity -Inf
            unicode_label{城市="北京",emoji="🙂 ok"} 2
            {"my.dotted.metric", "label.with.dots"="v"} 7

            # A histogram, which has a pretty complex representation in the text format:
            # HELP http_request_duration_seconds A histogram of the request duration.
            # TYPE http_request_duration_seconds histogram
            http_request_duration_seconds_bucket{le="0.05"} 24054
            http_request_duration_seconds_bucket{le="0.1"} 33444
            http_request_duration_seconds_bucket{le="+Inf"} 144320
            http_request_duration_seconds_sum 53423
            http_request_duration_seconds_count 144320

            # Finally a summary, which has a complex representation, too:
            # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{quantile="0.01"} 3102
            rpc_duration_seconds{quantile="0.99"} 76656
            rpc_duration_seconds_sum 1.7560473e+07
            rpc_duration_seconds_count 2693
            # TYPE go_goroutines gauge
            go_goroutines 42 # {trace_id="abc"} 1.0
            # EOF
            """;

    static List<Sample> parse(String text, long at) {
        ExpositionParser p = new ExpositionParser(at);
        List<Sample> out = new ArrayList<>();
        long n = 0;
        for (String line : text.split("\n", -1)) {
            p.line(line, ++n).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void readsTheReferenceExampleWithTypesEscapesUnicodeInfNanAndTimestamps() {
        List<Sample> s = parse(TEXT, 5_000);
        assertThat(s).hasSize(19);
        assertThat(s.get(0)).isEqualTo(new Sample(SeriesKey.of("http_requests_total", Map.of("method", "post", "code", "200")),
                MetricType.COUNTER, 1395066363000L, 1027));
        assertThat(s.get(2).key().labels()).containsEntry("path", "C:\\DIR\\FILE.TXT")
                .containsEntry("error", "Cannot find file:\n\"FILE.TXT\"");
        assertThat(s.get(2).value()).isEqualTo(1.458255915e9);
        assertThat(s.get(2).timeMillis()).as("no timestamp: the file's time").isEqualTo(5_000);
        assertThat(s.get(3).type()).isEqualTo(MetricType.UNTYPED);
        assertThat(s.get(4).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.get(4).timeMillis()).isEqualTo(-3982045);
        assertThat(s.get(5).value()).isNaN();
        assertThat(s.get(6).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.get(7).key().labels()).containsEntry("城市", "北京").containsEntry("emoji", "🙂 ok");
        assertThat(s.get(8).key()).isEqualTo(SeriesKey.of("my.dotted.metric", Map.of("label.with.dots", "v")));
        assertThat(s.subList(9, 14)).allMatch(x -> x.type() == MetricType.HISTOGRAM);
        assertThat(s.get(11).key().labels()).containsEntry("le", "+Inf");
        assertThat(s.subList(14, 18)).allMatch(x -> x.type() == MetricType.SUMMARY);
        assertThat(s.get(18).key().metric()).isEqualTo("go_goroutines");
        assertThat(s.get(18).value()).as("exemplar ignored").isEqualTo(42);
        assertThat(s.get(18).type()).isEqualTo(MetricType.GAUGE);
    }

    @Test
    void seriesTextEscapesAgainAndRoundTrips() {
        SeriesKey k = SeriesKey.of("m", Map.of("b", "say \"hi\"\\", "a", "x\ny"));
        assertThat(k.text()).isEqualTo("m{a=\"x\\ny\",b=\"say \\\"hi\\\"\\\\\"}");
        assertThat(parse(k.text() + " 1", 0).get(0).key()).isEqualTo(k);
        assertThat(k.id()).isEqualTo(SeriesKey.of("m", Map.of("a", "x\ny", "b", "say \"hi\"\\")).id()).isNotEqualTo(SeriesKey.of("m", Map.of()).id());
    }

    @Test
    void namesTheLineOfBrokenInput() {
        ExpositionParser p = new ExpositionParser(0);
        assertThatThrownBy(() -> p.line("metric{a=\"x\" 1", 7)).hasMessageStartingWith("line 7: ");
        assertThatThrownBy(() -> p.line("metric{a=x} 1", 8)).hasMessageContaining("quoted value expected");
        assertThatThrownBy(() -> p.line("metric abc", 9)).hasMessageContaining("invalid value 'abc'");
        assertThatThrownBy(() -> p.line("metric 1 2 3", 10)).hasMessageContaining("after the timestamp");
        assertThatThrownBy(() -> p.line("9metric 1", 11)).hasMessageContaining("invalid metric name");
        assertThatThrownBy(() -> p.line("metric{a=\"1\",a=\"2\"} 1", 12)).hasMessageContaining("given twice");
        assertThat(p.line("metric{a=\"1\",} 1", 13)).isPresent();
    }

    @Test
    void snapshotsAtDifferentTimesBecomeSeriesAndCounterResetsGivePositiveRates() {
        SeriesBuilder b = new SeriesBuilder();
        String[] snapshots = {"# TYPE c counter\nc{i=\"a\"} 10\ng 1\n", "# TYPE c counter\nc{i=\"a\"} 20\ng 2\n",
            "# TYPE c counter\nc{i=\"a\"} 5\n", "# TYPE c counter\nc{i=\"a\"} 15\ng 4\n"};
        for (int i = 0; i < snapshots.length; i++) {
            parse(snapshots[i], 10_000L * i).forEach(b::add);
        }
        List<Series> series = b.build();
        assertThat(series).hasSize(2);
        Series c = series.get(0);
        assertThat(c.type()).isEqualTo(MetricType.COUNTER);
        assertThat(c.times()).containsExactly(0, 10_000, 20_000, 30_000);
        assertThat(c.values()).containsExactly(10, 20, 5, 15);
        assertThat(series.get(1).times()).as("g was absent (stale) in the third snapshot: a gap").containsExactly(0, 10_000, 30_000);
        Series rate = SeriesBuilder.rate(c);
        assertThat(rate.values()).containsExactly(1.0, 0.5, 1.0);
        assertThat(rate.times()).containsExactly(10_000, 20_000, 30_000);
        assertThat(SeriesBuilder.window(c, 10_000, 20_000).values()).containsExactly(20, 5);
    }
}
