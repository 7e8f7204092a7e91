package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.core.finding.Finding;
import dev.triage.plugin.overview.application.OverviewService;
import dev.triage.plugin.overview.domain.AlertEngine;
import dev.triage.plugin.overview.domain.Rollup;
import dev.triage.plugin.overview.domain.Sample;
import dev.triage.testkit.KernelExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SampleStoreTest {

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    @Test
    void dailyRollupsInDuckDbMatchTheDomainDefinitionAndRetentionDropsOldRows() throws Exception {
        triage.kernel().cases().create(triage.home().resolve("case"), "store");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        LocalDate day = LocalDate.of(2026, 11, 20);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double v = (i * 37) % 101;
            values.add(v);
            store.append(new Sample("db", start.plusSeconds(60L * i), true, "11", Map.of("qps", v), ""));
        }
        store.append(new Sample("db", start.minusSeconds(1), true, "11", Map.of("qps", 1000.0), ""));
        assertThat(store.rollup(day)).isEqualTo(2);
        Rollup expected = Rollup.of(values);
        Rollup got = store.daily("db", "qps").get(day);
        assertThat(got.min()).isEqualTo(expected.min());
        assertThat(got.max()).isEqualTo(expected.max());
        assertThat(got.avg()).isCloseTo(expected.avg(), within(1e-9));
        assertThat(got.p95()).isCloseTo(expected.p95(), within(1e-9));
        assertThat(got.last()).isEqualTo(expected.last());
        assertThat(got.count()).isEqualTo(50);
        assertThat(store.snapshots().get("db").metric("qps")).isEqualTo(1000.0);
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<dev.triage.plugin.overview.application.Trends.Series> raw = dev.triage.plugin.overview.application.Trends.load(store,
                List.of("db"), "qps", dev.triage.plugin.overview.application.Trends.Range.DAY, end);
        assertThat(raw).singleElement().satisfies(x -> assertThat(x.points()).hasSize(50));
        List<dev.triage.plugin.overview.application.Trends.Series> daily = dev.triage.plugin.overview.application.Trends.load(store,
                List.of("db"), "qps", dev.triage.plugin.overview.application.Trends.Range.QUARTER, end);
        assertThat(daily).singleElement().satisfies(x -> assertThat(x.points()).singleElement()
                .satisfies(p -> assertThat(p.getValue()).isCloseTo(expected.avg(), within(1e-9))));
        assertThat(store.retain(start, day.plusDays(1))).isEqualTo(2 + 2);
        assertThat(store.daily("db", "qps")).isEmpty();
    }

    @Test
    void aStorageForecastUnderThirtyDaysBecomesAFinding() throws Exception {
        triage.kernel().cases().create(triage.home().resolve("case"), "forecast");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        LocalDate first = LocalDate.of(2026, 11, 1);
        double gib = 1024.0 * 1024 * 1024;
        for (int d = 0; d < 14; d++) {
            double used = 50 * gib + d * gib + (d % 2 == 0 ? 0.1 : -0.1) * gib;
            store.putDaily("db", first.plusDays(d), OverviewService.STORAGE, new Rollup(used, used, used, used, used, 1));
            store.putDaily("db", first.plusDays(d), OverviewService.STORAGE_LIMIT, new Rollup(80 * gib, 80 * gib, 80 * gib, 80 * gib, 80 * gib, 1));
        }
        OverviewService service = new OverviewService(store, new AlertEngine(List.of()), Clock.systemUTC());
        OverviewService.StorageForecast f = service.forecast("db").orElseThrow();
        assertThat(f.forecast().slope() / gib).isCloseTo(1.0, within(0.05));
        assertThat(f.forecast().daysToLimit().orElseThrow()).isCloseTo(17, within(1.0));
        assertThat(f.forecast().reliable()).isTrue();
        List<Finding> findings = service.findings("db");
        assertThat(findings).singleElement().satisfies(x -> assertThat(x.title()).isEqualTo("Storage of db reaches its limit in 17 days"));
    }

    @Test
    void anotherProcessSeesTheAlertsFiringFromTheRecordedHistory() throws Exception {
        triage.kernel().cases().create(triage.home().resolve("case"), "history");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        dev.triage.plugin.overview.domain.AlertRule rule = new dev.triage.plugin.overview.domain.AlertRule("down", "up",
                dev.triage.plugin.overview.domain.AlertRule.Op.EQ, 0, java.time.Duration.ZERO, dev.triage.core.finding.Severity.CRITICAL,
                null, "{target} is down");
        OverviewService watching = new OverviewService(store, new AlertEngine(List.of(rule)), Clock.systemUTC());
        watching.accept(Sample.down("db", Instant.now(), "refused"));
        assertThat(new dev.triage.core.finding.FindingStore(triage.kernel().cases().current().orElseThrow()).list())
                .extracting(Finding::title).containsExactly("db is down");
        OverviewService other = new OverviewService(store, new AlertEngine(List.of(rule)), Clock.systemUTC()).restoreAlerts();
        dev.triage.plugin.overview.application.OverviewReport report = dev.triage.plugin.overview.application.OverviewReport.of(other);
        assertThat(report.cards()).singleElement().satisfies(c -> assertThat(c.alerts()).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(dev.triage.plugin.overview.domain.AlertState.FIRING)));
        assertThat(report.text()).contains("db  DOWN").contains("FIRING CRITICAL db is down");
        other.accept(new Sample("db", Instant.now(), true, "11", Map.of(), ""));
        assertThat(new dev.triage.core.finding.FindingStore(triage.kernel().cases().current().orElseThrow()).list())
                .as("the restarted service resolved what the earlier one raised").isEmpty();
        java.util.List<dev.triage.core.report.ReportSection> sections = new dev.triage.plugin.overview.application.OverviewReportSection(store,
                () -> other).contribute(new dev.triage.core.report.ReportRequest(triage.kernel().cases().current().orElseThrow(), Instant.now()));
        assertThat(sections).singleElement().satisfies(sec -> {
            assertThat(sec.title()).isEqualTo("Overview");
            assertThat(sec.blocks()).filteredOn(b -> b instanceof dev.triage.core.report.Block.Table).hasSize(2);
        });
    }

    @Test
    void theReportDrawsTheTrendsOfTheLastDayAsPngCharts() throws Exception {
        triage.kernel().cases().create(triage.home().resolve("case"), "trends");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        OverviewService service = new OverviewService(store, new AlertEngine(List.of()), Clock.systemUTC());
        Instant now = Instant.now();
        for (int i = 5; i >= 0; i--) {
            service.accept(new Sample("db-1", now.minusSeconds(600L * i), true, "11.4", Map.of("threads_connected", 10.0 + i), ""));
            service.accept(new Sample("db-2", now.minusSeconds(600L * i), true, "11.4", Map.of("threads_connected", 3.0 * i), ""));
        }
        var sections = new dev.triage.plugin.overview.application.OverviewReportSection(store, () -> service)
                .contribute(new dev.triage.core.report.ReportRequest(triage.kernel().cases().current().orElseThrow(), now));
        List<dev.triage.core.report.Block.Image> images = sections.get(0).blocks().stream()
                .filter(b -> b instanceof dev.triage.core.report.Block.Image).map(b -> (dev.triage.core.report.Block.Image) b).toList();
        assertThat(images).singleElement().satisfies(img -> {
            assertThat(img.fileName()).isEqualTo("overview-threads_connected.png");
            assertThat(img.altText()).isEqualTo("Connections of every target, last 24 h");
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(img.bytes()));
            assertThat(png.getWidth()).isEqualTo(1000);
            assertThat(png.getHeight()).isEqualTo(300);
        });
    }

    @Test
    void theLargestDatabasesAndTablesComeWithTheirGrowthPerDay() throws Exception {
        triage.kernel().cases().create(triage.home().resolve("case"), "sizes");
        DuckDbSampleStore store = new DuckDbSampleStore(triage.kernel().cases());
        OverviewService service = new OverviewService(store, new AlertEngine(List.of()), Clock.systemUTC());
        Instant now = Instant.now();
        service.accept(new Sample("db-1", now.minus(java.time.Duration.ofDays(2)), true, "11.4", Map.of("db.shop.bytes", 1_000_000.0,
                "db.shop.rows", 900.0, "table.shop.orders.bytes", 800_000.0, "table.shop.orders.rows", 700.0), ""));
        service.accept(new Sample("db-1", now, true, "11.4", Map.of("db.shop.bytes", 5_000_000.0, "db.shop.rows", 4_000.0,
                "table.shop.orders.bytes", 4_600_000.0, "table.shop.orders.rows", 3_500.0, "table.shop.users.bytes", 16_384.0,
                "table.shop.users.rows", 10.0), ""));
        var latest = dev.triage.plugin.overview.application.OverviewReport.of(service).cards().stream().map(c -> c.snapshot()).toList();
        List<dev.triage.plugin.overview.application.DataStatistics> rows = dev.triage.plugin.overview.application.DataStatistics.of(store,
                latest, now);
        assertThat(rows).extracting(r -> r.kind() + " " + r.name()).containsExactly("database shop", "table shop.orders", "table shop.users");
        assertThat(rows.get(0).growthPerDay()).isCloseTo(2_000_000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(rows.get(1).growthPerDay()).isCloseTo(1_900_000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(rows.get(2).growthPerDay()).as("one sample is no growth").isNull();
        assertThat(rows.get(1).cells()).containsExactly("db-1", "table", "shop.orders", dev.triage.plugin.overview.domain.Numbers.bytes(4_600_000),
                "3,500", "+" + dev.triage.plugin.overview.domain.Numbers.bytes(1_900_000) + "/day");
    }
}
