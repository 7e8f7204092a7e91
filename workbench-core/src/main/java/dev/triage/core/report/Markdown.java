package dev.triage.core.report;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Escaping rules that keep plain text plain when written into Markdown. */
final class Markdown {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|~&]");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\d{1,9})([.)])|^([#>+=-])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private Markdown() {
    }

    /** Escapes inline text for one line: special characters get a backslash, line breaks become spaces. */
    static String inline(String text) {
        return SPECIAL.matcher(LINE_BREAK.matcher(text).replaceAll(" ")).replaceAll("\\\\$0");
    }

    /** Escapes a table cell: like {@link #inline} (so {@code |} becomes {@code \|}) but line breaks become {@code <br>}. */
    static String cell(String text) {
        return Arrays.stream(lines(text.strip())).map(Markdown::inline).collect(Collectors.joining("<br>"));
    }

    /** Escapes one line of a paragraph so it cannot start a heading, list, quote or code block. */
    static String paragraphLine(String line) {
        String escaped = inline(line.strip());
        Matcher m = BLOCK_START.matcher(escaped);
        if (!m.find()) {
            return escaped;
        }
        return m.group(1) != null
                ? m.group(1) + "\\" + m.group(2) + escaped.substring(m.end())
                : "\\" + escaped;
    }

    /** Splits text into lines on any line break. */
    static String[] lines(String text) {
        return LINE_BREAK.split(text, -1);
    }

    /** Returns a run of backticks one longer than the longest run in the text, at least {@code min} long. */
    static String fence(String text, int min) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.end() - m.start());
        }
        return "`".repeat(Math.max(min, longest + 1));
    }

    /** Writes text as an inline code span whose delimiters no backtick run inside can close. */
    static String codeSpan(String text) {
        String flat = LINE_BREAK.matcher(text).replaceAll(" ");
        String fence = fence(flat, 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
