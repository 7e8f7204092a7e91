package dev.triage.plugin.logs.domain;

import java.util.Locale;

/** The severity of a log entry, normalised across MySQL, TiDB, Redis, Kafka/log4j, syslog and Java logs. */
public enum LogLevel {
    /** Finer than debug. */
    TRACE,
    /** Debug or Redis verbose. */
    DEBUG,
    /** Info, notice, note, MySQL System. */
    INFO,
    /** Warning. */
    WARN,
    /** Error. */
    ERROR,
    /** Fatal, critical, emergency, alert, panic. */
    FATAL,
    /** No level found on the entry's first line. */
    UNKNOWN;

    /**
     * Maps a level word as logs spell it ({@code [Warning]}, {@code WARN}, {@code notice}, {@code err}) to a level.
     *
     * @param word the word, brackets and case ignored
     * @return the level, or null when the word is no level
     */
    public static LogLevel parse(String word) {
        if (word == null) {
            return null;
        }
        String w = word.strip();
        if (w.startsWith("[") && w.endsWith("]") && w.length() >= 2) {
            w = w.substring(1, w.length() - 1).strip();
        }
        switch (w.toLowerCase(Locale.ROOT)) {
            case "trace", "finest", "finer":
                return TRACE;
            case "debug", "verbose", "fine", "dbug":
                return DEBUG;
            case "info", "information", "notice", "note", "system", "config":
                return INFO;
            case "warn", "warning", "wrn":
                return WARN;
            case "error", "err", "severe", "eror":
                return ERROR;
            case "fatal", "critical", "crit", "emerg", "emergency", "alert", "panic":
                return FATAL;
            default:
                return null;
        }
    }

    /**
     * Maps Redis's level mark ({@code . - * #}) to a level.
     *
     * @param mark the character after the time stamp
     * @return the level, or null when it is no Redis mark
     */
    public static LogLevel redisMark(char mark) {
        switch (mark) {
            case '.':
            case '-':
                return DEBUG;
            case '*':
                return INFO;
            case '#':
                return WARN;
            default:
                return null;
        }
    }

    /**
     * Returns whether this level is a warning or worse.
     *
     * @return true for WARN, ERROR and FATAL
     */
    public boolean atLeastWarn() {
        return this == WARN || this == ERROR || this == FATAL;
    }
}
