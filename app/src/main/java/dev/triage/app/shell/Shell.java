package dev.triage.app.shell;

import dev.triage.app.shell.cases.CaseActions;
import dev.triage.app.shell.cases.FileDrop;
import dev.triage.app.shell.cases.FxDialogs;
import dev.triage.app.shell.cases.ShellDialogs;
import dev.triage.app.shell.dock.DockManager;
import dev.triage.app.shell.dock.LayoutController;
import dev.triage.app.shell.dock.LayoutStore;
import dev.triage.app.shell.menu.MainMenu;
import dev.triage.app.shell.notify.NotificationArea;
import dev.triage.app.shell.notify.Notifications;
import dev.triage.app.shell.palette.CommandPalette;
import dev.triage.app.shell.palette.PaletteItem;
import dev.triage.app.shell.status.StatusBar;
import dev.triage.app.shell.theme.Theme;
import dev.triage.app.shell.theme.ThemeManager;
import dev.triage.app.shell.theme.UiSettings;
import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseEvents;
import dev.triage.core.command.CommandSpec;
import dev.triage.core.i18n.Messages;
import dev.triage.core.kernel.Kernel;
import dev.triage.core.plugin.ManagedPlugin;
import dev.triage.core.plugin.PluginState;
import dev.triage.core.plugin.PluginStateChanged;
import dev.triage.core.service.Registration;
import dev.triage.core.ui.ViewContribution;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The main window's content: menus, the dock, the status bar, notifications and the command palette, over one kernel. */
public final class Shell implements AutoCloseable {

    /** The style class of the shell's root, under which shell.css is scoped. */
    public static final String ROOT_CLASS = "triage-shell";

    private final Kernel kernel;
    private final Messages messages;
    private final UiSettings settings;
    private final ThemeManager themes;
    private final Notifications notes = new Notifications();
    private final DockManager dock;
    private final LayoutController layouts;
    private final CommandRunner runner;
    private final CaseActions caseActions;
    private final CommandPalette palette;
    private final StatusBar status;
    private final ReadOnlyStringWrapper caseLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final List<Registration> registrations = new ArrayList<>();
    private final Scene scene;
    private boolean savedOnHide;

    /**
     * Builds the shell with JavaFX dialogs; call on the JavaFX thread after the kernel's plugins started.
     *
     * @param kernel the kernel
     * @param width the scene width
     * @param height the scene height
     */
    public Shell(Kernel kernel, double width, double height) {
        this(kernel, width, height, null);
    }

    /**
     * Builds the shell; call on the JavaFX thread after the kernel's plugins started.
     *
     * @param kernel the kernel
     * @param width the scene width
     * @param height the scene height
     * @param dialogs how to ask the user, or null for JavaFX dialogs owned by this window
     */
    public Shell(Kernel kernel, double width, double height, ShellDialogs dialogs) {
        this.kernel = kernel;
        this.messages = ShellTexts.load(kernel.locale());
        this.settings = new UiSettings(kernel.settings());
        this.themes = new ThemeManager(settings);
        themes.applySaved();
        this.dock = new DockManager(kernel.services(), messages, notes);
        this.layouts = new LayoutController(dock, new LayoutStore(), kernel.cases(), kernel.paths());
        this.runner = new CommandRunner(kernel.commands(), messages, notes);
        this.caseActions = new CaseActions(kernel, messages, notes, dialogs != null ? dialogs : new FxDialogs(this::window));
        this.palette = new CommandPalette(this::paletteItems, messages);
        this.status = new StatusBar(kernel.tasks(), caseLabel.getReadOnlyProperty(), messages);

        BorderPane main = new BorderPane(dock.node());
        main.setTop(MainMenu.build(this, this::closeWindow));
        main.setBottom(status.node());
        NotificationArea area = new NotificationArea(notes);
        StackPane.setAlignment(area.node(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(area.node(), new Insets(0, 16, 44, 0));
        StackPane root = new StackPane(main, area.node(), palette.node());
        root.getStyleClass().add(ROOT_CLASS);
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(Shell.class.getResource("shell.css").toExternalForm());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+P"), palette::show);
        FileDrop.install(scene, caseActions);
        // Save while undocked windows still hold their views: hiding the main window closes its owned windows first.
        scene.windowProperty().addListener((o, old, w) -> {
            if (w != null) {
                w.addEventFilter(WindowEvent.WINDOW_HIDING, e -> saveLayoutOnHide());
            }
        });

        registrations.add(kernel.services().register(ShellActions.class, caseActions));
        registrations.add(kernel.events().subscribe(PluginStateChanged.class, e -> {
            if (e.to() == PluginState.FAILED) {
                notes.error(messages.get("plugin.failed", e.pluginId(), e.cause()));
            }
        }));
        registrations.add(kernel.events().subscribe(CaseEvents.Opened.class, e -> Fx.run(this::caseChanged)));
        registrations.add(kernel.events().subscribe(dev.triage.core.ui.ShowView.class, e -> Fx.run(() -> dock.open(e.viewId(), e.ref()))));
        registrations.add(kernel.events().subscribe(dev.triage.core.event.UserNotice.class, e -> notes.post(switch (e.level()) {
            case INFO -> dev.triage.app.shell.notify.Note.Level.INFO;
            case SUCCESS -> dev.triage.app.shell.notify.Note.Level.SUCCESS;
            case WARNING -> dev.triage.app.shell.notify.Note.Level.WARNING;
            case ERROR -> dev.triage.app.shell.notify.Note.Level.ERROR;
        }, e.text())));
        registrations.add(kernel.events().subscribe(CaseEvents.Closed.class, e -> Fx.run(this::caseChanged)));
        for (ManagedPlugin mp : kernel.plugins().plugins()) {
            if (mp.state() == PluginState.FAILED) {
                notes.error(messages.get("plugin.failed", mp.id(), mp.failure()));
            }
        }
        updateCaseLabel();
        layouts.start();
    }

    private void saveLayoutOnHide() {
        if (!registrations.isEmpty()) {
            layouts.save();
            savedOnHide = true;
        }
    }

    private Window window() {
        return scene.getWindow();
    }

    private void closeWindow() {
        if (scene.getWindow() != null) {
            scene.getWindow().hide();
        }
    }

    private void caseChanged() {
        if (registrations.isEmpty()) {
            return; // closed: a late case event must not rebuild a disposed dock
        }
        updateCaseLabel();
        layouts.caseChanged();
    }

    private void updateCaseLabel() {
        caseLabel.set(kernel.cases().current().map(Case::name)
                .map(n -> messages.get("status.case", n)).orElse(messages.get("status.noCase")));
        title.set(kernel.cases().current().map(Case::name)
                .map(n -> messages.get("app.titleWithCase", n)).orElse(messages.get("app.title")));
    }

    /**
     * Returns the window title: the app name and the open case.
     *
     * @return the property
     */
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    private List<PaletteItem> paletteItems() {
        List<PaletteItem> items = new ArrayList<>();
        for (CommandSpec<?> c : kernel.commands().commands()) {
            items.add(new PaletteItem(c.title(), c.name() + (c.description().isBlank() ? "" : " · " + c.description()),
                    () -> runner.run(c)));
        }
        for (ViewContribution v : dock.contributions()) {
            items.add(new PaletteItem(messages.get("palette.openView", v.title()), v.id(), () -> dock.open(v.id())));
        }
        for (Theme t : Theme.values()) {
            String name = messages.get("theme." + t.name().toLowerCase(java.util.Locale.ROOT));
            items.add(new PaletteItem(messages.get("palette.theme", name), "ui.theme", () -> themes.switchTo(t)));
        }
        items.add(new PaletteItem(messages.get("action.openCase"), "Ctrl+O", caseActions::chooseCaseFolder));
        items.add(new PaletteItem(messages.get("action.newCase"), "Ctrl+N", caseActions::newCase));
        items.add(new PaletteItem(messages.get("action.closeCase"), "Ctrl+W", caseActions::closeCase));
        items.add(new PaletteItem(messages.get("menu.view.resetLayout"), "layout", layouts::reset));
        return items;
    }

    /**
     * Remembers a language for the next start and says so.
     *
     * @param tag {@code system}, {@code en} or {@code zh-CN}
     */
    public void switchLanguage(String tag) {
        settings.setLanguage(tag);
        notes.info(messages.get("language.restart"));
    }

    /**
     * Returns the scene to put in a stage.
     *
     * @return the scene
     */
    public Scene scene() {
        return scene;
    }

    /**
     * Returns the kernel.
     *
     * @return the kernel
     */
    public Kernel kernel() {
        return kernel;
    }

    /**
     * Returns the shell's texts.
     *
     * @return the messages
     */
    public Messages messages() {
        return messages;
    }

    /**
     * Returns the shell's settings.
     *
     * @return the settings
     */
    public UiSettings settings() {
        return settings;
    }

    /**
     * Returns the theme manager.
     *
     * @return the manager
     */
    public ThemeManager themes() {
        return themes;
    }

    /**
     * Returns the notifications.
     *
     * @return the model
     */
    public Notifications notifications() {
        return notes;
    }

    /**
     * Returns the dock.
     *
     * @return the dock
     */
    public DockManager dock() {
        return dock;
    }

    /**
     * Returns the layout controller.
     *
     * @return the controller
     */
    public LayoutController layouts() {
        return layouts;
    }

    /**
     * Returns the command runner.
     *
     * @return the runner
     */
    public CommandRunner runner() {
        return runner;
    }

    /**
     * Returns the case actions.
     *
     * @return the actions
     */
    public CaseActions caseActions() {
        return caseActions;
    }

    /**
     * Returns the command palette.
     *
     * @return the palette
     */
    public CommandPalette palette() {
        return palette;
    }

    /**
     * Returns the status bar.
     *
     * @return the bar
     */
    public StatusBar statusBar() {
        return status;
    }

    /** Saves the layout, disposes every view and unhooks from the kernel; call on the JavaFX thread. */
    @Override
    public void close() {
        if (!savedOnHide) {
            layouts.save();
        }
        dock.closeAll();
        status.close();
        registrations.forEach(Registration::close);
        registrations.clear();
    }
}
