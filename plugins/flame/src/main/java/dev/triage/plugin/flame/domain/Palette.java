package dev.triage.plugin.flame.domain;

/** Colours of frames as 0xRRGGBB: FlameGraph's warm palette by name or by package, a heat scale by self time, and red/blue for a difference. */
public final class Palette {

    /** How frames are coloured. */
    public enum Mode {
        /** Warm colours that depend on the function name. */
        NAME,
        /** Warm colours that depend on the package or module, so one library has one hue. */
        PACKAGE,
        /** From pale to deep red with the frame's self share. */
        SELF
    }

    private Palette() {
    }

    /**
     * Returns a frame's colour.
     *
     * @param mode the colouring
     * @param name the frame name
     * @param selfShare the node's self count divided by its total (for {@link Mode#SELF})
     * @return the colour as 0xRRGGBB
     */
    public static int color(Mode mode, String name, double selfShare) {
        if (mode == Mode.SELF) {
            double v = Math.max(0, Math.min(1, selfShare));
            int r = 255;
            int g = (int) Math.round(230 - 200 * v);
            int b = (int) Math.round(200 - 190 * v);
            return r << 16 | g << 8 | b;
        }
        String key = mode == Mode.PACKAGE ? packageOf(name) : name;
        int h = key.hashCode() * 0x9E3779B1;
        double v1 = ((h >>> 8) & 0xff) / 255.0;
        double v2 = ((h >>> 16) & 0xff) / 255.0;
        double v3 = ((h >>> 24) & 0xff) / 255.0;
        int r = (int) (205 + 50 * v3);
        int g = (int) (230 * v1);
        int b = (int) (55 * v2);
        return r << 16 | g << 8 | b;
    }

    /**
     * Returns the colour of a frame in a differential graph: red where its share grew, blue where it shrank.
     *
     * @param delta the change of share, from -1 to 1
     * @param scale the change that gets the deepest colour (such as the largest change in the graph)
     * @return the colour as 0xRRGGBB
     */
    public static int diff(double delta, double scale) {
        double v = scale <= 0 ? 0 : Math.max(-1, Math.min(1, delta / scale));
        int fade = (int) Math.round(220 * (1 - Math.abs(v)));
        if (v >= 0) {
            return 255 << 16 | (35 + fade) << 8 | (35 + fade);
        }
        return (35 + fade) << 16 | (35 + fade) << 8 | 255;
    }

    /**
     * Returns the package or module of a frame name: the part before the last separator, or the library in brackets.
     *
     * @param name the frame name
     * @return the package
     */
    public static String packageOf(String name) {
        String n = name;
        int paren = n.indexOf('(');
        if (paren > 0) {
            n = n.substring(0, paren);
        }
        int cut = Math.max(n.lastIndexOf('/'), Math.max(n.lastIndexOf('.'), n.lastIndexOf("::")));
        if (cut <= 0) {
            return n;
        }
        String head = n.substring(0, cut);
        int inner = Math.max(head.lastIndexOf('/'), Math.max(head.lastIndexOf('.'), head.lastIndexOf("::")));
        // class.method: colour by the class's package, not the class
        return inner > 0 && Character.isUpperCase(head.charAt(inner + 1)) ? head.substring(0, inner) : head;
    }
}
