package dev.triage.app.shell.views;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The welcome view's state: the recent case folders and the name of the open case. */
public final class WelcomeViewModel {

    private final CaseService cases;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper currentCase = new ReadOnlyStringWrapper("");

    /**
     * Creates the model and reads the cases once.
     *
     * @param cases the case service
     */
    public WelcomeViewModel(CaseService cases) {
        this.cases = cases;
        refresh();
    }

    /** Reads the recent list and the open case again; call on the JavaFX thread. */
    public void refresh() {
        recent.setAll(cases.recent().list());
        currentCase.set(cases.current().map(Case::name).orElse(""));
    }

    /**
     * Returns the recent case folders, newest first.
     *
     * @return the live list
     */
    public ObservableList<Path> recent() {
        return recent;
    }

    /**
     * Returns the open case's name.
     *
     * @return the property; empty when no case is open
     */
    public ReadOnlyStringProperty currentCaseProperty() {
        return currentCase.getReadOnlyProperty();
    }
}
