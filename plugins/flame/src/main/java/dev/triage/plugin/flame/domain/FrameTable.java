package dev.triage.plugin.flame.domain;

import java.util.Arrays;

/**
 * Interns frame names: each distinct name is stored once and known by a small integer id. The name index is an
 * open-addressing table of ids (no map entries, no boxed integers), so millions of frames stay cheap.
 */
public final class FrameTable {

    private String[] names = new String[256];
    private int[] table = new int[512];
    private int size;

    /** Creates a table whose frame 0 is the synthetic root, named {@code all}. */
    public FrameTable() {
        Arrays.fill(table, -1);
        intern("all");
    }

    /**
     * Returns the id of a name, adding it when new.
     *
     * @param name the frame name
     * @return its id
     */
    public int intern(String name) {
        int slot = slotOf(name);
        return table[slot] != -1 ? table[slot] : add(name, slot);
    }

    /** Returns the slot holding the name's id, or the free slot where it would go. */
    private int slotOf(String name) {
        int mask = table.length - 1;
        int slot = mix(name.hashCode()) & mask;
        int id;
        while ((id = table[slot]) != -1 && !names[id].equals(name)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /**
     * Adds a name known to be new, for parsers that keep their own index of names.
     *
     * @param name the new frame name
     * @return its id
     */
    public int addNew(String name) {
        int mask = table.length - 1;
        int slot = mix(name.hashCode()) & mask;
        while (table[slot] != -1) {
            slot = (slot + 1) & mask;
        }
        return add(name, slot);
    }

    private int add(String name, int slot) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size + (size >> 1));
        }
        names[size] = name;
        table[slot] = size;
        int id = size++;
        if (size * 2 > table.length) {
            int[] bigger = new int[table.length * 2];
            Arrays.fill(bigger, -1);
            int m = bigger.length - 1;
            for (int i = 0; i < size; i++) {
                int s = mix(names[i].hashCode()) & m;
                while (bigger[s] != -1) {
                    s = (s + 1) & m;
                }
                bigger[s] = i;
            }
            table = bigger;
        }
        return id;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
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
        return table[slotOf(name)];
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
