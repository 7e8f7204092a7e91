package dev.triage.app.shell.dock;

import dev.triage.app.shell.notify.Notifications;
import dev.triage.core.i18n.Messages;
import dev.triage.core.service.ServiceRegistry;
import dev.triage.core.ui.DockArea;
import dev.triage.core.ui.View;
import dev.triage.core.ui.ViewContribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.triage.app.shell.Fx;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.coley.bentofx.Bento;
import software.coley.bentofx.control.DragDropStage;
import software.coley.bentofx.dockable.Dockable;
import software.coley.bentofx.layout.DockContainer;
import software.coley.bentofx.layout.container.DockContainerBranch;
import software.coley.bentofx.layout.container.DockContainerLeaf;
import software.coley.bentofx.layout.container.DockContainerRootBranch;

/**
 * Hosts views from {@link ViewContribution}s as BentoFX tabs that drag, split and undock; captures and applies layouts.
 * Use on the JavaFX thread only.
 */
public final class DockManager {

    private static final Logger LOG = LoggerFactory.getLogger(DockManager.class);

    private final Bento bento = new Bento();
    private final ServiceRegistry services;
    private final Messages messages;
    private final Notifications notes;
    private final StackPane host = new StackPane();
    private final Map<String, OpenView> open = new LinkedHashMap<>();
    private final Map<String, DockContainerLeaf> areaLeaves = new HashMap<>();
    private DockContainerRootBranch root;
    private DockContainerBranch middle;

    /**
     * Creates an empty dock; call {@link #apply} to lay it out.
     *
     * @param services where view contributions are found
     * @param messages the shell's texts
     * @param notes where failures to make a view are shown
     */
    public DockManager(ServiceRegistry services, Messages messages, Notifications notes) {
        this.services = services;
        this.messages = messages;
        this.notes = notes;
        host.getStyleClass().add("dock-host");
        bento.placeholderBuilding().setContainerPlaceholderFactory(leaf -> placeholder());
        bento.stageBuilding().setSceneFactory((source, content, w, h) -> {
            styleRoot(content);
            return new Scene(content, w, h);
        });
        bento.stageBuilding().setStageFactory(source -> {
            DragDropStage stage = new DragDropStage(true);
            // later: when the main window is closing, it hides its owned windows first and must still see them
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> Fx.later(this::closeViewsOutsideShownWindows));
            return stage;
        });
    }

    private Node placeholder() {
        Label l = new Label(messages.get("dock.empty"));
        l.getStyleClass().add("dock-placeholder");
        return l;
    }

    private static void styleRoot(Region region) {
        region.getStylesheets().add(BentoStyles.url());
        region.getStyleClass().add("triage-dock");
    }

    /**
     * Returns the node that holds the dock.
     *
     * @return the node
     */
    public Node node() {
        return host;
    }

    /**
     * Lists every view contribution registered now.
     *
     * @return the contributions, in registration order
     */
    public List<ViewContribution> contributions() {
        return services.findAll(ViewContribution.class);
    }

    /**
     * Finds a view contribution by id.
     *
     * @param viewId the view id
     * @return the contribution, or empty
     */
    public Optional<ViewContribution> contribution(String viewId) {
        return contributions().stream().filter(c -> c.id().equals(viewId)).findFirst();
    }

    /**
     * Opens a view in its default area, or selects it when already open.
     *
     * @param viewId the view id
     * @return true when the view is open afterwards
     */
    public boolean open(String viewId) {
        return contribution(viewId).map(c -> open(c, leafFor(c.area()))).orElse(false);
    }

    /**
     * Opens a view, or selects it when already open, then asks it to bring an item into sight when it can.
     *
     * @param viewId the view id
     * @param ref the item, or null for none
     * @return true when the view is open afterwards
     */
    public boolean open(String viewId, String ref) {
        boolean opened = open(viewId);
        OpenView ov = open.get(viewId);
        if (opened && ref != null && ov != null && ov.view() instanceof dev.triage.core.ui.Revealing r) {
            try {
                r.reveal(ref);
            } catch (RuntimeException e) {
                LOG.warn("View '{}' could not show '{}'", viewId, ref, e);
            }
        }
        return opened;
    }

    /**
     * Opens a view in an area, moving it there when it is open elsewhere.
     *
     * @param viewId the view id
     * @param area the area
     * @return true when the view is open afterwards
     */
    public boolean openIn(String viewId, DockArea area) {
        OpenView existing = open.get(viewId);
        DockContainerLeaf target = leafFor(area);
        if (existing != null && existing.dockable().getContainer() != target) {
            DockContainerLeaf from = existing.dockable().getContainer();
            if (from != null) {
                from.removeDockable(existing.dockable());
            }
            target.addDockable(existing.dockable());
            target.selectDockable(existing.dockable());
            return true;
        }
        return contribution(viewId).map(c -> open(c, target)).orElse(false);
    }

    private boolean open(ViewContribution c, DockContainerLeaf leaf) {
        OpenView existing = open.get(c.id());
        if (existing != null) {
            DockContainerLeaf at = existing.dockable().getContainer();
            if (at != null) {
                at.selectDockable(existing.dockable());
            }
            return true;
        }
        View view;
        try {
            view = c.factory().get();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("View '{}' could not be made", c.id(), e);
            notes.error(messages.get("view.failed", c.title(), String.valueOf(e.getMessage())));
            return false;
        }
        Dockable d = bento.dockBuilding().dockable(c.id());
        d.setTitle(c.title());
        d.setNode(view.node());
        if (!c.icon().isBlank()) {
            d.setIconFactory(x -> icon(c.icon()));
        }
        d.addCloseListener((path, closed) -> disposed(c.id()));
        d.setContextMenuFactory(x -> tabMenu(c.id()));
        open.put(c.id(), new OpenView(c, view, d));
        leaf.addDockable(d);
        leaf.selectDockable(d);
        return true;
    }

    private ContextMenu tabMenu(String viewId) {
        ContextMenu menu = new ContextMenu();
        MenuItem close = new MenuItem(messages.get("tab.close"));
        close.setOnAction(e -> close(viewId));
        menu.getItems().addAll(close, new SeparatorMenuItem());
        for (DockArea area : DockArea.values()) {
            MenuItem move = new MenuItem(messages.get("tab.moveTo", messages.get("area." + area.name().toLowerCase(java.util.Locale.ROOT))));
            move.setOnAction(e -> openIn(viewId, area));
            menu.getItems().add(move);
        }
        MenuItem window = new MenuItem(messages.get("tab.newWindow"));
        window.setOnAction(e -> undock(viewId));
        menu.getItems().addAll(new SeparatorMenuItem(), window);
        return menu;
    }

    /**
     * Moves an open view into a new window of its own, as dragging its tab out of the window does.
     *
     * @param viewId the view id
     * @return the new window, or empty when the view is not open in a shown window
     */
    public Optional<Stage> undock(String viewId) {
        OpenView ov = open.get(viewId);
        DockContainerLeaf from = ov == null ? null : ov.dockable().getContainer();
        if (from == null || from.getScene() == null) {
            return Optional.empty();
        }
        Scene scene = from.getScene();
        double w = Math.max(320, from.getWidth());
        double h = Math.max(240, from.getHeight());
        from.removeDockable(ov.dockable());
        DragDropStage stage = bento.stageBuilding().newStageForDockable(scene, ov.dockable(), w, h);
        stage.setTitle(ov.contribution().title());
        stage.show();
        return Optional.of(stage);
    }

    private static Node icon(String literal) {
        try {
            return new FontIcon(literal);
        } catch (RuntimeException unknownIcon) {
            return null;
        }
    }

    private void disposed(String viewId) {
        OpenView ov = open.remove(viewId);
        if (ov != null) {
            try {
                ov.view().dispose();
            } catch (RuntimeException e) {
                LOG.warn("View '{}' failed to dispose", viewId, e);
            }
        }
    }

    /**
     * Closes a view's tab and disposes the view.
     *
     * @param viewId the view id
     * @return true when it was open
     */
    public boolean close(String viewId) {
        OpenView ov = open.get(viewId);
        if (ov == null) {
            return false;
        }
        DockContainerLeaf leaf = ov.dockable().getContainer();
        if (leaf == null || !leaf.closeDockable(ov.dockable())) {
            disposed(viewId);
        }
        return true;
    }

    /** Closes every open view. */
    public void closeAll() {
        new ArrayList<>(open.keySet()).forEach(this::close);
    }

    /** Closes views left in a window that was hidden without a close request (Bento closes them on a close request). */
    private void closeViewsOutsideShownWindows() {
        Scene main = host.getScene();
        if (main == null || main.getWindow() == null || !main.getWindow().isShowing()) {
            return; // the main window is closing and takes its owned windows along: keep them for the saved layout
        }
        for (OpenView ov : new ArrayList<>(open.values())) {
            DockContainerLeaf leaf = ov.dockable().getContainer();
            if (leaf == null || isUnder(leaf, root)) {
                continue; // in transit between containers, or in the main window
            }
            Scene scene = leaf.getScene();
            if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
                close(ov.contribution().id());
            }
        }
    }

    /**
     * Tells which views are open.
     *
     * @return the view ids
     */
    public Set<String> openIds() {
        return Set.copyOf(open.keySet());
    }

    /**
     * Returns the view instance open under an id.
     *
     * @param viewId the view id
     * @return the view, or empty when closed
     */
    public Optional<View> view(String viewId) {
        return Optional.ofNullable(open.get(viewId)).map(OpenView::view);
    }

    /**
     * Returns the id of the tab area a view is in.
     *
     * @param viewId the view id
     * @return the leaf id, or empty when closed or floating
     */
    public Optional<String> leafOf(String viewId) {
        return Optional.ofNullable(open.get(viewId)).map(ov -> ov.dockable().getContainer()).map(DockContainerLeaf::getIdentifier);
    }

    private DockContainerLeaf leafFor(DockArea area) {
        String id = DockLayout.areaId(area);
        DockContainerLeaf leaf = areaLeaves.computeIfAbsent(id, this::newLeaf);
        if (leaf.getParentContainer() == null && leaf.getScene() == null) {
            attach(area, leaf);
        }
        return leaf;
    }

    private void attach(DockArea area, DockContainerLeaf leaf) {
        DockContainerBranch mid = middle != null && middle.getParentContainer() != null ? middle : root;
        switch (area) {
            case CENTER -> mid.addContainer(0, leaf);
            case BOTTOM -> {
                mid.addContainer(leaf);
                mid.setContainerSizePercent(leaf, 0.28);
            }
            case LEFT -> {
                root.addContainer(0, leaf);
                root.setContainerSizePercent(leaf, 0.22);
            }
            case RIGHT -> {
                root.addContainer(leaf);
                root.setContainerSizePercent(leaf, 0.24);
            }
            default -> throw new IllegalArgumentException(String.valueOf(area));
        }
    }

    private DockContainerLeaf newLeaf(String id) {
        DockContainerLeaf leaf = bento.dockBuilding().leaf(id);
        if (id.equals(DockLayout.areaId(DockArea.CENTER))) {
            leaf.setPruneWhenEmpty(false);
        }
        if (id.equals(DockLayout.areaId(DockArea.LEFT)) || id.equals(DockLayout.areaId(DockArea.RIGHT))
                || id.equals(DockLayout.areaId(DockArea.BOTTOM))) {
            DockContainerBranch.setResizableWithParent(leaf, false);
        }
        leaf.setSide(Side.TOP);
        return leaf;
    }

    /**
     * Closes every view and rebuilds the dock from a layout; views whose plugin is gone are skipped.
     *
     * @param layout the layout
     */
    public void apply(DockLayout layout) {
        closeAll();
        areaLeaves.clear();
        middle = null;
        root = bento.dockBuilding().root(DockLayout.ROOT);
        root.setPruneWhenEmpty(false);
        styleRoot(root);
        List<Runnable> selections = new ArrayList<>();
        build(root, layout.root(), selections);
        host.getChildren().setAll(root);
        if (middle == null) {
            middle = root;
        }
        leafFor(DockArea.CENTER);
        for (String floating : layout.floating()) {
            open(floating);
        }
        selections.forEach(Runnable::run);
    }

    private void build(DockContainerBranch target, DockLayout.Branch spec, List<Runnable> selections) {
        target.setOrientation(spec.vertical() ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        if (DockLayout.MIDDLE.equals(spec.id())) {
            middle = target;
            target.setPruneWhenEmpty(false);
        }
        for (DockLayout.Part part : spec.children()) {
            if (part instanceof DockLayout.Branch b) {
                DockContainerBranch child = bento.dockBuilding().branch(b.id());
                target.addContainer(child);
                build(child, b, selections);
            } else if (part instanceof DockLayout.Leaf l) {
                DockContainerLeaf leaf = l.id().startsWith("area.") ? areaLeaves.computeIfAbsent(l.id(), this::newLeaf) : newLeaf(l.id());
                for (String viewId : l.views()) {
                    contribution(viewId).ifPresent(c -> open(c, leaf));
                }
                if (leaf.getDockables().isEmpty() && leaf.doPruneWhenEmpty()) {
                    continue; // every view of this area is gone (plugin removed): do not show an empty area
                }
                target.addContainer(leaf);
                OpenView sel = l.selected() == null ? null : open.get(l.selected());
                if (sel != null) {
                    selections.add(() -> leaf.selectDockable(sel.dockable()));
                }
            }
        }
        double[] dividers = spec.dividers().stream().mapToDouble(Double::doubleValue).toArray();
        if (dividers.length == target.getItems().size() - 1) {
            target.setDividerPositions(dividers);
        }
    }

    /**
     * Describes the current layout of the main window; views in undocked windows are listed as floating.
     *
     * @return the layout
     */
    public DockLayout capture() {
        DockLayout.Branch tree = (DockLayout.Branch) describe(root);
        List<String> floating = new ArrayList<>();
        for (OpenView ov : open.values()) {
            DockContainerLeaf leaf = ov.dockable().getContainer();
            if (leaf == null || !isUnder(leaf, root)) {
                floating.add(ov.contribution().id());
            }
        }
        return new DockLayout(DockLayout.VERSION, tree, floating);
    }

    private static boolean isUnder(DockContainer c, DockContainerBranch ancestor) {
        for (DockContainer at = c; at != null; at = at.getParentContainer()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    private DockLayout.Part describe(DockContainer c) {
        if (c instanceof DockContainerLeaf leaf) {
            List<String> views = leaf.getDockables().stream().map(Dockable::getIdentifier).filter(open::containsKey).toList();
            Dockable sel = leaf.getSelectedDockable();
            return new DockLayout.Leaf(leaf.getIdentifier(), views, sel == null ? null : sel.getIdentifier());
        }
        DockContainerBranch b = (DockContainerBranch) c;
        List<Double> dividers = new ArrayList<>();
        for (double d : b.getDividerPositions()) {
            dividers.add(Math.round(d * 1000) / 1000.0);
        }
        List<DockLayout.Part> children = b.getChildContainers().stream().map(this::describe).toList();
        return new DockLayout.Branch(b.getIdentifier(), b.getOrientation() == Orientation.VERTICAL, dividers, children);
    }
}
