package dev.triage.plugin.logs.infrastructure;

import java.util.Map;

/** The little JSON this plugin writes into text columns (fact fields, search queries). */
final class Json {

    private Json() {
    }

    static String object(Map<String, ?> map) {
        StringBuilder b = new StringBuilder("{");
        for (var e : map.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(string(e.getKey())).append(':');
            Object v = e.getValue();
            b.append(v == null ? "null" : v instanceof Number || v instanceof Boolean ? v.toString() : string(v.toString()));
        }
        return b.append('}').toString();
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
