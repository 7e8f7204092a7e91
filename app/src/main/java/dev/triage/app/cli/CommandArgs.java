package dev.triage.app.cli;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns command-line words into the name-to-value map a command's argument record is read from. */
final class CommandArgs {

    private final Map<String, Object> named = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /** Adds a value; a repeated name collects its values in a list. */
    void put(String name, String value) {
        named.merge(name, value, (x, y) -> {
            List<Object> l = x instanceof List<?> old ? new ArrayList<>(old) : new ArrayList<>(List.of(x));
            l.add(y);
            return l;
        });
    }

    /**
     * Reads {@code --name value}, {@code --name=value}, {@code name=value} and bare words (positional); kebab-case names
     * become camelCase record components ({@code --min-time} is {@code minTime}).
     */
    static CommandArgs parse(List<String> words) {
        CommandArgs a = new CommandArgs();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    a.put(camel(w.substring(2, eq)), w.substring(eq + 1));
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    a.put(camel(w.substring(2)), words.get(++i));
                } else {
                    a.put(camel(w.substring(2)), "true");
                }
            } else if (w.indexOf('=') > 0 && !w.contains("/") && !w.contains("\\")) {
                a.put(camel(w.substring(0, w.indexOf('='))), w.substring(w.indexOf('=') + 1));
            } else {
                a.positional.add(w);
            }
        }
        return a;
    }

    private static String camel(String kebab) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /**
     * Gives the positional words to the record's list components: all of them to the only one, or one each when there
     * are as many words as list components.
     *
     * @return the named values, or null when positional words cannot be placed
     */
    Map<String, Object> forRecord(Class<?> argType) {
        if (positional.isEmpty()) {
            return named;
        }
        List<String> lists = new ArrayList<>();
        if (argType.isRecord()) {
            for (RecordComponent c : argType.getRecordComponents()) {
                if (List.class.isAssignableFrom(c.getType())) {
                    lists.add(c.getName());
                }
            }
        }
        if (lists.size() == 1) {
            positional.forEach(p -> put(lists.get(0), p));
        } else if (!lists.isEmpty() && lists.size() == positional.size()) {
            for (int i = 0; i < lists.size(); i++) {
                put(lists.get(i), positional.get(i));
            }
        } else {
            return null;
        }
        return named;
    }

    Map<String, Object> named() {
        return named;
    }

    List<String> positional() {
        return positional;
    }
}
