package dev.triage.plugin.flame.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interns frame names: each distinct name is stored once and known by a small integer id. */
public final class FrameTable {

    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[256];
    private int size;

    /** Creates a table whose frame 0 is the synthetic root, named {@code all}. */
    public FrameTable() {
        intern("all");
    }

    /**
     * Returns the id of a name, adding it when new.
     *
     * @param name the frame name
     * @return its id
     */
    public int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        ids.put(name, size);
        return size++;
    }

    /**
     * Returns the name of an id.
     *
     * @param id the frame id
     * @return the name
     */
    public String name(int id) {
        return names[id];
    }

    /**
     * Returns the id of a name already interned, or -1.
     *
     * @param name the name
     * @return the id or -1
     */
    public int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /**
     * Returns how many distinct names there are, the root included.
     *
     * @return the count
     */
    public int size() {
        return size;
    }
}
