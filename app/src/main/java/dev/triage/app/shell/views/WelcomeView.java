package dev.triage.app.shell.views;

import atlantafx.base.theme.Styles;
import dev.triage.app.shell.Fx;
import dev.triage.app.shell.ShellActions;
import dev.triage.core.cases.CaseEvents;
import dev.triage.core.event.EventBus;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.Registration;
import dev.triage.core.ui.View;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The start page: open or create a case, reopen a recent one, and a hint that files can be dropped on the window. */
public final class WelcomeView implements View {

    private final ScrollPane scroll = new ScrollPane();
    private final VBox recentBox = new VBox(4);
    private final Label current = new Label();
    private final WelcomeViewModel model;
    private final Supplier<ShellActions> actions;
    private final Messages messages;
    private final List<Registration> subscriptions;

    /**
     * Creates the view.
     *
     * @param model the recent cases and the open case
     * @param actions the window's case actions, looked up when a button is pressed
     * @param events where case events arrive
     * @param messages the shell's texts
     */
    public WelcomeView(WelcomeViewModel model, Supplier<ShellActions> actions, EventBus events, Messages messages) {
        this.model = model;
        this.actions = actions;
        this.messages = messages;
        Label title = new Label(messages.get("welcome.title"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label tagline = new Label(messages.get("welcome.tagline"));
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        tagline.setWrapText(true);
        current.getStyleClass().add("welcome-current");
        current.textProperty().bind(model.currentCaseProperty().map(
                n -> n.isEmpty() ? messages.get("welcome.noCase") : messages.get("welcome.currentCase", n)));

        Button open = new Button(messages.get("action.openCase"), new FontIcon("mdi2f-folder-open-outline"));
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> actions.get().chooseCaseFolder());
        Button create = new Button(messages.get("action.newCase"), new FontIcon("mdi2f-folder-plus-outline"));
        create.setOnAction(e -> actions.get().newCase());
        HBox buttons = new HBox(8, open, create);

        Label recentTitle = new Label(messages.get("welcome.recent"));
        recentTitle.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(messages.get("welcome.dropHint"), new FontIcon("mdi2t-tray-arrow-down"));
        hint.getStyleClass().addAll("welcome-hint", Styles.TEXT_MUTED);
        hint.setWrapText(true);

        VBox content = new VBox(16, title, tagline, current, buttons, recentTitle, recentBox, hint);
        content.getStyleClass().add("welcome-view");
        content.setAlignment(Pos.TOP_LEFT);
        content.setMaxWidth(640);
        scroll.setContent(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("welcome-scroll");
        model.recent().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        subscriptions = List.of(
                events.subscribe(CaseEvents.Opened.class, e -> Fx.run(model::refresh)),
                events.subscribe(CaseEvents.Closed.class, e -> Fx.run(model::refresh)));
    }

    private void rebuildRecent() {
        if (model.recent().isEmpty()) {
            Label none = new Label(messages.get("welcome.noRecent"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            recentBox.getChildren().setAll(none);
            return;
        }
        recentBox.getChildren().setAll(model.recent().stream().map(this::recentRow).toList());
    }

    private Node recentRow(Path folder) {
        Hyperlink link = new Hyperlink(dev.triage.core.cases.Case.nameOf(folder));
        link.setOnAction(e -> actions.get().openCase(folder));
        Label where = new Label(folder.toString());
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(8, link, where);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    /**
     * Returns the view's state.
     *
     * @return the model
     */
    public WelcomeViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public void dispose() {
        subscriptions.forEach(Registration::close);
    }
}
