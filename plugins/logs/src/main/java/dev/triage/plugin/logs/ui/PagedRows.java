package dev.triage.plugin.logs.ui;

import dev.triage.plugin.logs.application.TimelineRow;
import dev.triage.plugin.logs.application.TimelineWindow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * A read-only list over a {@link TimelineWindow}: its size is the window's row count, and a row is fetched with its page
 * (in the background) the first time a cell asks for it, so a list view scrolls millions of entries while the heap holds
 * at most {@link #MAX_PAGES} pages. A row not loaded yet reads as null; the list announces it once it arrives.
 */
public final class PagedRows extends ObservableListBase<TimelineRow> {

    /** Rows per page. */
    public static final int PAGE = 200;
    /** Pages kept, least recently used dropped first. */
    public static final int MAX_PAGES = 40;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PagedRows.class);

    private final TimelineWindow window;
    private final Consumer<Runnable> background;
    private final Executor fx;
    private final Set<Long> loading = new HashSet<>();
    private final Map<Long, List<TimelineRow>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<TimelineRow>> eldest) {
            return size() > MAX_PAGES;
        }
    };

    /**
     * Creates the list.
     *
     * @param window the rows
     * @param background runs a page load off the JavaFX thread
     * @param fx runs the hand-back on the JavaFX thread
     */
    public PagedRows(TimelineWindow window, Consumer<Runnable> background, Executor fx) {
        this.window = window;
        this.background = background;
        this.fx = fx;
    }

    @Override
    public TimelineRow get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        long page = index / PAGE;
        List<TimelineRow> rows = pages.get(page);
        if (rows == null) {
            load(page);
            return null;
        }
        int i = index % PAGE;
        return i < rows.size() ? rows.get(i) : null;
    }

    /**
     * Returns how many pages are held.
     *
     * @return the pages in the cache
     */
    public int pagesHeld() {
        return pages.size();
    }

    /**
     * Returns the window behind the list.
     *
     * @return the window
     */
    public TimelineWindow window() {
        return window;
    }

    private void load(long page) {
        if (!loading.add(page)) {
            return;
        }
        background.accept(() -> {
            List<TimelineRow> rows;
            try {
                rows = window.rows(page * PAGE, PAGE);
            } catch (Exception e) {
                LOG.warn("Cannot read timeline rows {}..{}: {}", page * PAGE, (page + 1) * PAGE, e.toString());
                rows = List.of();
            }
            List<TimelineRow> got = rows;
            fx.execute(() -> {
                loading.remove(page);
                pages.put(page, got);
                int from = (int) (page * PAGE);
                int to = (int) Math.min(size(), from + (long) got.size());
                if (to > from) {
                    beginChange();
                    for (int i = from; i < to; i++) {
                        nextUpdate(i);
                    }
                    endChange();
                }
            });
        });
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, window.size());
    }
}
