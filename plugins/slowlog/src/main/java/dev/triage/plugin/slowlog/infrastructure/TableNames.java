package dev.triage.plugin.slowlog.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tables a fingerprint names after FROM, JOIN, INTO, UPDATE or TABLE, in order of first mention. */
final class TableNames {

    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:from|join|into|update|table)\\s+((?:`[^`]+`|[a-z0-9_$]+)(?:\\.(?:`[^`]+`|[a-z0-9_$]+))?)");
    private static final Set<String> NOT_TABLES = Set.of("select", "dual", "set", "values", "value", "where");

    private TableNames() {
    }

    static List<String> of(String fingerprint) {
        if (fingerprint == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = TABLE.matcher(fingerprint);
        while (m.find()) {
            String name = m.group(1).replace("`", "");
            if (!NOT_TABLES.contains(name) && !name.equals("?")) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }
}
