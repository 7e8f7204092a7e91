package dev.triage.app.shell.palette;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The palette's state: all items, the query, and the items that match it best first. */
public final class PaletteViewModel {

    private final List<PaletteItem> empty = List.of();
    private List<PaletteItem> all = empty;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PaletteItem> shown = FXCollections.observableArrayList();
    private final ObjectProperty<PaletteItem> selected = new SimpleObjectProperty<>();

    /** Creates an empty model that filters whenever the query changes. */
    public PaletteViewModel() {
        query.addListener((o, a, b) -> filter());
    }

    /**
     * Replaces the items and clears the query.
     *
     * @param items the entries
     */
    public void setItems(List<PaletteItem> items) {
        all = List.copyOf(items);
        query.set("");
        filter();
    }

    private void filter() {
        String q = query.get() == null ? "" : query.get();
        record Scored(PaletteItem item, int score) {
        }
        List<PaletteItem> next = all.stream()
                .map(i -> new Scored(i, Math.max(FuzzyMatch.score(q, i.title()), FuzzyMatch.score(q, i.detail()))))
                .filter(s -> s.score() >= 0)
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .map(Scored::item).toList();
        shown.setAll(next);
        selected.set(next.isEmpty() ? null : next.get(0));
    }

    /**
     * Runs the selected item.
     *
     * @return the item run, or empty when nothing matches
     */
    public Optional<PaletteItem> runSelected() {
        PaletteItem item = selected.get();
        if (item != null) {
            item.action().run();
        }
        return Optional.ofNullable(item);
    }

    /**
     * Returns the query.
     *
     * @return the property
     */
    public StringProperty queryProperty() {
        return query;
    }

    /**
     * Returns the matching items, best first.
     *
     * @return the live list
     */
    public ObservableList<PaletteItem> shown() {
        return shown;
    }

    /**
     * Returns the item Enter runs.
     *
     * @return the property
     */
    public ObjectProperty<PaletteItem> selectedProperty() {
        return selected;
    }
}
