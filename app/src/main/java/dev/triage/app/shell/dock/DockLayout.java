package dev.triage.app.shell.dock;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.triage.core.ui.DockArea;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved docking layout: the split tree of the main window with the view ids open in each leaf.
 *
 * @param version the format version
 * @param root the main window's root branch
 * @param floating view ids that were in undocked windows; they reopen in their default area
 */
public record DockLayout(int version, Branch root, List<String> floating) {

    /** The current format version. */
    public static final int VERSION = 1;
    /** The id of the main window's root branch. */
    public static final String ROOT = "dock.root";
    /** The id of the branch holding the main area over the bottom area. */
    public static final String MIDDLE = "dock.middle";

    /** Copies the lists. */
    public DockLayout {
        floating = floating == null ? List.of() : List.copyOf(floating);
    }

    /** A part of the tree. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Branch.class, name = "branch"), @JsonSubTypes.Type(value = Leaf.class, name = "leaf")})
    public sealed interface Part permits Branch, Leaf {
        /**
         * Returns the container id.
         *
         * @return the id
         */
        String id();
    }

    /**
     * A split of parts side by side or one over the other.
     *
     * @param id the container id
     * @param vertical true when the children are stacked top to bottom
     * @param dividers divider positions from 0 to 1
     * @param children the parts
     */
    public record Branch(String id, boolean vertical, List<Double> dividers, List<Part> children) implements Part {
        /** Copies the lists. */
        public Branch {
            dividers = dividers == null ? List.of() : List.copyOf(dividers);
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /**
     * A tab area.
     *
     * @param id the container id; the four areas use {@link #areaId}
     * @param views the view ids in tab order
     * @param selected the selected view id, or null
     */
    public record Leaf(String id, List<String> views, String selected) implements Part {
        /** Copies the list. */
        public Leaf {
            views = views == null ? List.of() : List.copyOf(views);
        }
    }

    /**
     * Returns the container id of a dock area's leaf.
     *
     * @param area the area
     * @return the id, such as {@code area.left}
     */
    public static String areaId(DockArea area) {
        return "area." + area.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Builds the layout used when none was saved: a left column, the main area over a bottom strip, a right column.
     *
     * @param left view ids for the left area
     * @param center view ids for the main area
     * @param right view ids for the right area
     * @param bottom view ids for the bottom area
     * @return the layout
     */
    public static DockLayout of(List<String> left, List<String> center, List<String> right, List<String> bottom) {
        List<Part> middle = new ArrayList<>();
        middle.add(new Leaf(areaId(DockArea.CENTER), center, center.isEmpty() ? null : center.get(0)));
        List<Double> middleDividers = List.of();
        if (!bottom.isEmpty()) {
            middle.add(new Leaf(areaId(DockArea.BOTTOM), bottom, null));
            middleDividers = List.of(0.72);
        }
        List<Part> top = new ArrayList<>();
        List<Double> dividers = new ArrayList<>();
        if (!left.isEmpty()) {
            top.add(new Leaf(areaId(DockArea.LEFT), left, null));
            dividers.add(0.22);
        }
        top.add(new Branch(MIDDLE, true, middleDividers, middle));
        if (!right.isEmpty()) {
            top.add(new Leaf(areaId(DockArea.RIGHT), right, null));
            dividers.add(0.78);
        }
        return new DockLayout(VERSION, new Branch(ROOT, false, dividers, top), List.of());
    }

    /**
     * Lists the open view ids per leaf, in tree order, for comparing layouts.
     *
     * @return leaf id to view ids
     */
    public Map<String, List<String>> viewsByLeaf() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect(root, out);
        return out;
    }

    private static void collect(Part part, Map<String, List<String>> out) {
        if (part instanceof Leaf l) {
            out.put(l.id(), l.views());
        } else if (part instanceof Branch b) {
            b.children().forEach(c -> collect(c, out));
        }
    }
}
