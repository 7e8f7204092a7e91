package dev.triage.plugin.slowlog.ui;

import dev.triage.plugin.slowlog.SlowLogText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.core.cases.Case;
import dev.triage.core.i18n.Messages;
import dev.triage.plugin.slowlog.application.DigestOrder;
import dev.triage.plugin.slowlog.application.DigestRow;
import dev.triage.plugin.slowlog.application.SlowLogDigests;
import dev.triage.plugin.slowlog.application.TimelinePoint;
import dev.triage.plugin.slowlog.infrastructure.DuckDbSlowLogStore;
import dev.triage.plugin.slowlog.ui.SlowLogViewModel.State;
import dev.triage.testkit.KernelExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The explorer's model without a window: one single-thread executor plays the JavaFX thread. */
class SlowLogViewModelTest {

    static final String LOG = SlowLogText.entry("2024-03-01T10:00:00Z", "app", "web1", "10.0.0.1", 42, 2.0, 0.001, 1, 5000, "SELECT * FROM orders WHERE customer_id = 17")
                    .replace("SET timestamp", "use shop;\nSET timestamp")
            + SlowLogText.entry("2024-03-01T10:00:05Z", "app", "web1", "10.0.0.1", 42, 1.0, 0, 1, 4000, "SELECT * FROM orders WHERE customer_id = 18")
            + SlowLogText.entry("2024-03-01T11:00:06Z", "batch", "web2", "10.0.0.2", 43, 0.1, 0, 0, 1, "UPDATE customers SET seen = NOW() WHERE id = 17")
            + SlowLogText.entry("2024-03-01T11:00:07Z", "batch", "web2", "10.0.0.2", 43, 0.9, 0, 0, 1, "UPDATE customers SET seen = NOW() WHERE id = 18");

    @RegisterExtension
    final KernelExtension triage = new KernelExtension();

    final ExecutorService fx = Executors.newSingleThreadExecutor();
    SlowLogViewModel model;

    @BeforeEach
    void createModel() throws Exception {
        Messages messages = Messages.load("dev.triage.plugin.slowlog.messages", Locale.ENGLISH, getClass().getClassLoader());
        SlowLogDigests digests = new SlowLogDigests(new DuckDbSlowLogStore(), triage.kernel().cases());
        model = onFx(() -> new SlowLogViewModel(digests, triage.kernel().cases(), triage.kernel().tasks(), triage.kernel().events(),
                messages, fx));
    }

    @AfterEach
    void disposeModel() throws Exception {
        onFx(() -> {
            model.dispose();
            return null;
        });
        fx.shutdown();
        assertThat(fx.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    <T> T onFx(Callable<T> work) throws Exception {
        return fx.submit(work).get(30, TimeUnit.SECONDS);
    }

    /** Refreshes after the model has seen every case event published so far, so this refresh is the newest one. */
    void refresh() throws Exception {
        drainEvents();
        onFx(model::refresh).get(30, TimeUnit.SECONDS);
    }

    /** Events are delivered in order on one thread: once a marker arrives, the model has handed earlier ones to "fx". */
    void drainEvents() throws Exception {
        record Marker() {
        }
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
        var sub = triage.kernel().events().subscribe(Marker.class, m -> seen.countDown());
        try {
            triage.kernel().events().publish(new Marker());
            assertThat(seen.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            sub.close();
        }
    }

    Case importLog() throws Exception {
        Case c = triage.kernel().cases().create(triage.home().resolve("case"), "demo");
        Path log = Files.writeString(triage.home().resolve("slow.log"), LOG);
        triage.kernel().imports().importFiles(c, List.of(log)).result().get(30, TimeUnit.SECONDS);
        return c;
    }

    @Test
    void saysNoCaseThenNoSlowLogThenShowsTheClassesOfAnImport() throws Exception {
        refresh();
        assertThat(onFx(() -> model.stateProperty().get())).isEqualTo(State.NO_CASE);
        assertThat(onFx(() -> model.statusProperty().get())).isEqualTo("No case open");
        triage.kernel().cases().create(triage.home().resolve("empty"), "empty");
        refresh();
        assertThat(onFx(() -> model.stateProperty().get())).isEqualTo(State.NO_SLOW_LOG);
        assertThat(onFx(() -> model.statusProperty().get())).startsWith("No slow log in this case yet");

        importLog();
        refresh();
        List<DigestRow> rows = onFx(() -> List.copyOf(model.rows()));
        assertThat(rows).extracting(DigestRow::fingerprint).containsExactly(
                "select * from orders where customer_id = ?", "update customers set seen = now() where id = ?");
        assertThat(rows).extracting(DigestRow::count).containsExactly(2L, 2L);
        assertThat(onFx(() -> model.stateProperty().get())).isEqualTo(State.ROWS);
        assertThat(onFx(() -> model.statusProperty().get())).isEqualTo("2 query classes, 4 queries");
        assertThat(onFx(() -> model.busyProperty().get())).isFalse();
    }

    @Test
    void filtersNarrowTheRowsAndTheOrderReranks() throws Exception {
        importLog();
        onFx(() -> {
            model.userProperty().set("batch");
            return null;
        });
        refresh();
        assertThat(onFx(() -> List.copyOf(model.rows()))).singleElement()
                .satisfies(r -> assertThat(r.fingerprint()).startsWith("update customers"));

        onFx(() -> {
            model.userProperty().set("");
            model.minTimeProperty().set("0.95");
            return null;
        });
        refresh();
        assertThat(onFx(() -> List.copyOf(model.rows()))).singleElement().satisfies(r -> {
            assertThat(r.fingerprint()).startsWith("select * from orders");
            assertThat(r.count()).isEqualTo(2);
        });

        onFx(() -> {
            model.minTimeProperty().set("");
            model.sinceProperty().set("2024-03-01T11:00:00Z");
            return null;
        });
        refresh();
        assertThat(onFx(() -> List.copyOf(model.rows()))).extracting(DigestRow::fingerprint)
                .containsExactly("update customers set seen = now() where id = ?");

        onFx(() -> {
            model.sinceProperty().set("");
            model.matchProperty().set("no such table");
            return null;
        });
        refresh();
        assertThat(onFx(() -> model.rows().isEmpty())).isTrue();
        assertThat(onFx(() -> model.stateProperty().get())).isEqualTo(State.NO_MATCH);

        onFx(() -> {
            model.clearFilters();
            model.orderProperty().set(DigestOrder.MAX);
            return null;
        });
        refresh();
        assertThat(onFx(() -> List.copyOf(model.rows()))).extracting(DigestRow::fingerprint)
                .containsExactly("select * from orders where customer_id = ?", "update customers set seen = now() where id = ?");
    }

    @Test
    void revealingAClassSelectsItAndClearsTheFiltersThatHideIt() throws Exception {
        importLog();
        refresh();
        DigestRow select = onFx(() -> model.rows().get(0));
        DigestRow update = onFx(() -> model.rows().get(1));
        onFx(() -> model.reveal(update.checksum())).get(30, TimeUnit.SECONDS);
        assertThat(onFx(() -> model.selectedProperty().get().checksum())).isEqualTo(update.checksum());

        onFx(() -> {
            model.userProperty().set("batch");
            return null;
        });
        refresh();
        assertThat(onFx(() -> List.copyOf(model.rows()))).extracting(DigestRow::checksum).containsExactly(update.checksum());
        onFx(() -> model.reveal(select.checksum().toUpperCase(Locale.ROOT))).get(30, TimeUnit.SECONDS);
        assertThat(onFx(() -> model.selectedProperty().get().fingerprint())).isEqualTo("select * from orders where customer_id = ?");
        assertThat(onFx(() -> model.userProperty().get())).isEmpty();
        assertThat(onFx(() -> model.rows().size())).isEqualTo(2);
    }

    @Test
    void brushingATimeRangeOnTheChartFiltersTheDigestAndGroupingByHostKeysTheRowsByHost() throws Exception {
        importLog();
        refresh();
        drainEvents();
        onFx(() -> model.brush(java.time.Instant.parse("2024-03-01T11:00:00Z"), java.time.Instant.parse("2024-03-01T12:00:00Z")))
                .get(30, TimeUnit.SECONDS);
        assertThat(onFx(() -> model.sinceProperty().get())).isEqualTo("2024-03-01T11:00:00Z");
        assertThat(onFx(() -> List.copyOf(model.rows()))).extracting(DigestRow::fingerprint)
                .containsExactly("update customers set seen = now() where id = ?");
        onFx(() -> {
            model.clearFilters();
            model.groupProperty().set(dev.triage.plugin.slowlog.application.DigestGroup.USER);
            return null;
        });
        refresh();
        List<DigestRow> users = onFx(() -> List.copyOf(model.rows()));
        assertThat(users).extracting(DigestRow::checksum).doesNotHaveDuplicates().isNotEmpty();
        assertThat(users.stream().mapToLong(DigestRow::count).sum()).isEqualTo(4);
    }

    @Test
    void followsTimeRangesSelectedInOtherViewsAndPublishesItsOwn() throws Exception {
        importLog();
        refresh();
        drainEvents();
        var from = java.time.Instant.parse("2024-03-01T11:00:00Z");
        var to = java.time.Instant.parse("2024-03-01T12:00:00Z");
        var mine = new java.util.concurrent.LinkedBlockingQueue<dev.triage.core.event.TimeRangeSelected>();
        var sub = triage.kernel().events().subscribe(dev.triage.core.event.TimeRangeSelected.class, e -> {
            if (e.source().equals("slowlog.view")) {
                mine.add(e);
            }
        });
        try {
            triage.kernel().events().publish(new dev.triage.core.event.TimeRangeSelected(from, to, "metrics.view"));
            drainEvents();
            assertThat(onFx(() -> model.sinceProperty().get())).isEqualTo("2024-03-01T11:00:00Z");
            assertThat(onFx(() -> model.untilProperty().get())).isEqualTo("2024-03-01T12:00:00Z");
            assertThat(mine.poll(200, TimeUnit.MILLISECONDS)).as("no echo of another view's range").isNull();
            onFx(() -> model.select(from.minusSeconds(60), to)).get(30, TimeUnit.SECONDS);
            assertThat(mine.poll(10, TimeUnit.SECONDS)).isEqualTo(new dev.triage.core.event.TimeRangeSelected(from.minusSeconds(60), to,
                    "slowlog.view"));
        } finally {
            sub.close();
        }
    }

    @Test
    void wrongFiltersAreShownAsAnErrorNotThrown() throws Exception {
        importLog();
        onFx(() -> {
            model.minTimeProperty().set("fast");
            return null;
        });
        refresh();
        assertThat(onFx(() -> model.stateProperty().get())).isEqualTo(State.ERROR);
        assertThat(onFx(() -> model.statusProperty().get())).isEqualTo("Cannot digest: 'fast' is not a number of seconds");
        onFx(() -> {
            model.minTimeProperty().set("");
            model.untilProperty().set("yesterday");
            return null;
        });
        refresh();
        assertThat(onFx(() -> model.stateProperty().get())).isEqualTo(State.ERROR);
        assertThat(onFx(() -> model.statusProperty().get())).contains("'yesterday' is not a time");
        assertThat(onFx(() -> model.rows().isEmpty())).isTrue();
    }

    @Test
    void theSelectedClassCarriesItsSlowestStatementAndTimelineAndSurvivesARefresh() throws Exception {
        importLog();
        refresh();
        onFx(() -> {
            model.select(model.rows().get(1));
            return null;
        });
        DigestRow selected = onFx(() -> model.selectedProperty().get());
        assertThat(selected.sample()).isEqualTo("UPDATE customers SET seen = NOW() WHERE id = 18");
        assertThat(selected.queryTime().max()).isEqualTo(0.9);
        assertThat(selected.firstSeen()).isEqualTo("2024-03-01T11:00:06Z");
        onFx(model::timelineShown).get(30, TimeUnit.SECONDS);
        List<TimelinePoint> timeline = onFx(() -> List.copyOf(model.timeline()));
        assertThat(timeline).extracting(TimelinePoint::count).containsExactly(1L, 1L);
        assertThat(timeline).extracting(TimelinePoint::maxQueryTime).containsExactly(0.1, 0.9);
        assertThat(timeline.get(0).start()).isEqualTo(Instant.parse("2024-03-01T11:00:06Z"));
        refresh();
        assertThat(onFx(() -> model.selectedProperty().get().checksum())).isEqualTo(selected.checksum());
        onFx(() -> {
            model.userProperty().set("app");
            return null;
        });
        refresh();
        assertThat(onFx(() -> model.selectedProperty().get())).isNull();
        onFx(model::timelineShown).get(30, TimeUnit.SECONDS);
        assertThat(onFx(() -> model.timeline().isEmpty())).isTrue();
    }
}
