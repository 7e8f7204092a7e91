package dev.triage.core.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Orders plugins so each starts after what it requires, and reports missing, incompatible and cyclic requirements. */
public final class DependencyResolver {

    /** The id plugins use to require a kernel version. */
    public static final String CORE = "core";

    private DependencyResolver() {
    }

    /**
     * The outcome of a resolution.
     *
     * @param order plugin ids in start order, those with problems left out
     * @param problems plugin id to a message naming both sides of the problem
     */
    public record Result(List<String> order, Map<String, String> problems) {
    }

    /**
     * Resolves a set of plugins against each other and the kernel version.
     *
     * @param plugins the descriptors
     * @param coreVersion the kernel's version
     * @return the order and the problems
     */
    public static Result resolve(Collection<PluginDescriptor> plugins, Version coreVersion) {
        Map<String, PluginDescriptor> byId = new TreeMap<>();
        plugins.forEach(p -> byId.put(p.id(), p));
        Map<String, String> problems = new LinkedHashMap<>();
        for (PluginDescriptor p : byId.values()) {
            for (PluginRequirement r : p.requires()) {
                String problem = check(p, r, byId, coreVersion);
                if (problem != null) {
                    problems.putIfAbsent(p.id(), problem);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Map<String, Integer> mark = new TreeMap<>();
        for (String id : byId.keySet()) {
            visit(id, byId, mark, order, problems, new ArrayList<>());
        }
        order.removeIf(problems::containsKey);
        return new Result(List.copyOf(order), Map.copyOf(problems));
    }

    private static String check(PluginDescriptor p, PluginRequirement r, Map<String, PluginDescriptor> byId, Version core) {
        if (r.pluginId().equals(CORE)) {
            return r.range().contains(core) ? null
                    : "Plugin '" + p.id() + "' requires core " + r.range() + ", but this Triage core is " + core;
        }
        PluginDescriptor dep = byId.get(r.pluginId());
        if (dep == null) {
            return "Plugin '" + p.id() + "' requires plugin '" + r.pluginId() + "' " + r.range() + ", which is not installed";
        }
        if (!r.range().contains(dep.version())) {
            return "Plugin '" + p.id() + "' requires plugin '" + r.pluginId() + "' " + r.range() + ", but '"
                    + r.pluginId() + "' is version " + dep.version();
        }
        return null;
    }

    /** Depth-first topological sort; 1 = visiting, 2 = done. */
    private static void visit(String id, Map<String, PluginDescriptor> byId, Map<String, Integer> mark, List<String> order,
                              Map<String, String> problems, List<String> path) {
        Integer m = mark.get(id);
        if (m != null && m == 2) {
            return;
        }
        if (m != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            for (String member : cycle) {
                problems.putIfAbsent(member, "Plugin '" + member + "' is in a dependency cycle: " + String.join(" -> ", cycle));
            }
            return;
        }
        mark.put(id, 1);
        path.add(id);
        for (PluginRequirement r : byId.get(id).requires()) {
            if (byId.containsKey(r.pluginId())) {
                visit(r.pluginId(), byId, mark, order, problems, path);
            }
        }
        path.remove(path.size() - 1);
        mark.put(id, 2);
        order.add(id);
    }
}
