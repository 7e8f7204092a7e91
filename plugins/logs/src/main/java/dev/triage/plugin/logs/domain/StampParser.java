package dev.triage.plugin.logs.domain;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the time stamp at the start of a log line, without regexes or allocation: ISO-8601 (MySQL 8, MariaDB, log4j,
 * TiDB's {@code 2026/03/01 ... +08:00}, RFC 3339 syslog, JVM unified logging), the old MySQL {@code 080721  3:04:00},
 * Redis ({@code 12345:M 01 Mar 2026 10:15:00.123 *}, also without year or with {@code [pid]}), BSD syslog
 * ({@code Mar  1 10:15:00}) and epoch seconds or milliseconds.
 */
public final class StampParser {

    /** The time stamp shapes this parser knows. */
    public enum Kind {
        /** {@code 2026-03-01T10:15:00.123Z}, {@code [2026-03-01 10:15:00,123]}, {@code [2026/03/01 18:15:00.123 +08:00]}. */
        ISO,
        /** {@code 080721  3:04:00}: MySQL 5.x and MariaDB before 10.1 (two-digit year). */
        MYSQL_OLD,
        /** {@code 12345:M 01 Mar 2026 10:15:00.123 *}, {@code [2932] 31 May 04:32:08 *}. */
        REDIS,
        /** {@code Mar  1 10:15:00}: BSD syslog, no year. */
        SYSLOG,
        /** {@code 1772360100} or {@code 1772360100123}: seconds or milliseconds since 1970. */
        EPOCH
    }

    /** What one successful parse found; reused from line to line. */
    public static final class Parsed {
        /** The shape that matched. */
        public Kind kind;
        /** The year, or 0 when the stamp has none. */
        public int year;
        /** Month 1-12. */
        public int month;
        /** Day of month. */
        public int day;
        /** Hour. */
        public int hour;
        /** Minute. */
        public int minute;
        /** Second. */
        public int second;
        /** Fraction of the second in nanoseconds. */
        public int nanos;
        /** Whether the stamp carries its zone offset. */
        public boolean zoned;
        /** The offset in seconds when zoned. */
        public int offsetSeconds;
        /** Microseconds since 1970 for {@link Kind#EPOCH}. */
        public long epochMicros;
        /** The index just after the stamp (and a closing bracket). */
        public int end;
        /** The level given by a Redis mark, or null. */
        public LogLevel markLevel;
    }

    private static final long MIN_EPOCH = 946_684_800L;
    private static final long MAX_EPOCH = 4_102_444_800L;

    private StampParser() {
    }

    /**
     * Tries one shape at the start of a line.
     *
     * @param s the line
     * @param kind the shape
     * @param out where the parts go
     * @return true when the line starts with a stamp of that shape
     */
    public static boolean parse(CharSequence s, Kind kind, Parsed out) {
        out.year = 0;
        out.nanos = 0;
        out.zoned = false;
        out.offsetSeconds = 0;
        out.markLevel = null;
        out.kind = kind;
        boolean ok;
        switch (kind) {
            case ISO:
                ok = iso(s, out);
                break;
            case MYSQL_OLD:
                ok = mysqlOld(s, out);
                break;
            case REDIS:
                ok = redis(s, out);
                break;
            case SYSLOG:
                ok = syslog(s, out);
                break;
            default:
                ok = epoch(s, out);
                break;
        }
        return ok && (out.kind == Kind.EPOCH || valid(out));
    }

    /**
     * Tries every shape in turn.
     *
     * @param s the line
     * @param out where the parts go
     * @return the shape found, or null
     */
    public static Kind parseAny(CharSequence s, Parsed out) {
        for (Kind k : Kind.values()) {
            if (parse(s, k, out)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Converts a parsed stamp to microseconds since 1970.
     *
     * @param p the parsed stamp
     * @param zone the zone of stamps that carry none
     * @param year the year of stamps that carry none
     * @return the instant in microseconds
     */
    public static long epochMicros(Parsed p, ZoneId zone, int year) {
        if (p.kind == Kind.EPOCH) {
            return p.epochMicros;
        }
        int y = p.year != 0 ? p.year : year;
        long local = daysFromCivil(y, p.month, p.day) * 86_400L + p.hour * 3600L + p.minute * 60L + p.second;
        int offset;
        if (p.zoned) {
            offset = p.offsetSeconds;
        } else if (zone instanceof ZoneOffset z) {
            offset = z.getTotalSeconds();
        } else if (zone.getRules().isFixedOffset()) {
            offset = zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        } else {
            offset = zone.getRules().getOffset(LocalDateTime.of(y, p.month, p.day, p.hour, p.minute, p.second)).getTotalSeconds();
        }
        return (local - offset) * 1_000_000L + p.nanos / 1000;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        int yy = m <= 2 ? y - 1 : y;
        int era = (yy >= 0 ? yy : yy - 399) / 400;
        int yoe = yy - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468L;
    }

    private static boolean valid(Parsed p) {
        return p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31 && p.hour < 24 && p.minute < 60 && p.second <= 60;
    }

    private static int digit(CharSequence s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** Reads exactly n digits at i, or -1. */
    private static int num(CharSequence s, int i, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int d = digit(s, i + k);
            if (d < 0) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean at(CharSequence s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    /** Reads H:MM:SS or HH:MM:SS at i (single-digit hour allowed), with an optional fraction; returns the end or -1. */
    private static int clock(CharSequence s, int i, Parsed out) {
        int h = digit(s, i);
        if (h < 0) {
            return -1;
        }
        int h2 = digit(s, i + 1);
        int j;
        if (h2 >= 0) {
            h = h * 10 + h2;
            j = i + 2;
        } else {
            j = i + 1;
        }
        if (!at(s, j, ':')) {
            return -1;
        }
        int m = num(s, j + 1, 2);
        if (m < 0 || !at(s, j + 3, ':')) {
            return -1;
        }
        int sec = num(s, j + 4, 2);
        if (sec < 0) {
            return -1;
        }
        out.hour = h;
        out.minute = m;
        out.second = sec;
        j += 6;
        if ((at(s, j, '.') || at(s, j, ',')) && digit(s, j + 1) >= 0) {
            j++;
            int nanos = 0;
            int n = 0;
            while (digit(s, j) >= 0) {
                if (n < 9) {
                    nanos = nanos * 10 + digit(s, j);
                    n++;
                }
                j++;
            }
            for (; n < 9; n++) {
                nanos *= 10;
            }
            out.nanos = nanos;
        }
        return j;
    }

    private static boolean iso(CharSequence s, Parsed out) {
        int i = at(s, 0, '[') ? 1 : 0;
        boolean bracket = i == 1;
        int y = num(s, i, 4);
        if (y < 0) {
            return false;
        }
        char sep = i + 4 < s.length() ? s.charAt(i + 4) : 0;
        if (sep != '-' && sep != '/') {
            return false;
        }
        int mo = num(s, i + 5, 2);
        if (mo < 0 || !at(s, i + 7, sep)) {
            return false;
        }
        int d = num(s, i + 8, 2);
        if (d < 0) {
            return false;
        }
        int j = i + 10;
        if (at(s, j, 'T')) {
            j++;
        } else if (at(s, j, ' ')) {
            j++;
            if (at(s, j, ' ')) {
                j++;
            }
        } else {
            return false;
        }
        j = clock(s, j, out);
        if (j < 0) {
            return false;
        }
        out.year = y;
        out.month = mo;
        out.day = d;
        j = zone(s, j, out);
        if (bracket && at(s, j, ']')) {
            j++;
        }
        out.end = j;
        return true;
    }

    /** Reads an optional zone ({@code Z}, {@code +08:00}, {@code +0800}, {@code  +08:00}) at i; returns the index after it. */
    private static int zone(CharSequence s, int i, Parsed out) {
        if (at(s, i, 'Z')) {
            out.zoned = true;
            return i + 1;
        }
        int j = at(s, i, ' ') ? i + 1 : i;
        if (!(at(s, j, '+') || at(s, j, '-'))) {
            return i;
        }
        int sign = s.charAt(j) == '-' ? -1 : 1;
        int h = num(s, j + 1, 2);
        if (h < 0 || h > 18) {
            return i;
        }
        int k = j + 3;
        int m = 0;
        if (at(s, k, ':') && num(s, k + 1, 2) >= 0) {
            m = num(s, k + 1, 2);
            k += 3;
        } else if (num(s, k, 2) >= 0) {
            m = num(s, k, 2);
            k += 2;
        }
        if (digit(s, k) >= 0) {
            return i;
        }
        out.zoned = true;
        out.offsetSeconds = sign * (h * 3600 + m * 60);
        return k;
    }

    private static boolean mysqlOld(CharSequence s, Parsed out) {
        int yy = num(s, 0, 2);
        int mo = num(s, 2, 2);
        int d = num(s, 4, 2);
        if (yy < 0 || mo < 0 || d < 0 || !at(s, 6, ' ')) {
            return false;
        }
        int j = at(s, 7, ' ') ? 8 : 7;
        j = clock(s, j, out);
        if (j < 0) {
            return false;
        }
        out.year = 2000 + yy;
        out.month = mo;
        out.day = d;
        out.end = j;
        return true;
    }

    private static boolean redis(CharSequence s, Parsed out) {
        int i = 0;
        if (at(s, 0, '[')) {
            i = 1;
            while (digit(s, i) >= 0) {
                i++;
            }
            if (i == 1 || !at(s, i, ']') || !at(s, i + 1, ' ')) {
                return false;
            }
            i += 2;
        } else if (digit(s, 0) >= 0 && digit(s, 1) >= 0 && digit(s, 2) >= 0 || digit(s, 0) >= 0 && at(s, 1, ':')
                || digit(s, 1) >= 0 && at(s, 2, ':')) {
            while (digit(s, i) >= 0) {
                i++;
            }
            if (signalHandler(s, i, out)) {
                return true;
            }
            if (!at(s, i, ':') || i + 2 >= s.length() || !Character.isLetter(s.charAt(i + 1)) || !at(s, i + 2, ' ')) {
                return false;
            }
            i += 3;
        }
        int d = num(s, i, 2);
        if (d < 0 || !at(s, i + 2, ' ')) {
            return false;
        }
        int mo = month(s, i + 3);
        if (mo < 0 || !at(s, i + 6, ' ')) {
            return false;
        }
        int j = i + 7;
        int y = num(s, j, 4);
        if (y >= 0 && at(s, j + 4, ' ')) {
            out.year = y;
            j += 5;
        }
        j = clock(s, j, out);
        if (j < 0 || !at(s, j, ' ') || j + 1 >= s.length()) {
            return false;
        }
        LogLevel mark = LogLevel.redisMark(s.charAt(j + 1));
        if (mark == null || j + 2 < s.length() && s.charAt(j + 2) != ' ') {
            return false;
        }
        out.month = mo;
        out.day = d;
        out.markLevel = mark;
        out.end = j + 2;
        return true;
    }

    /** Redis's {@code 4961:signal-handler (1496141561) Received SIGINT}: the time is epoch seconds in parentheses. */
    private static boolean signalHandler(CharSequence s, int i, Parsed out) {
        String tag = ":signal-handler (";
        for (int k = 0; k < tag.length(); k++) {
            if (!at(s, i + k, tag.charAt(k))) {
                return false;
            }
        }
        int j = i + tag.length();
        long v = 0;
        int n = 0;
        while (digit(s, j) >= 0) {
            v = v * 10 + digit(s, j++);
            n++;
        }
        if (n != 10 || !at(s, j, ')') || v < MIN_EPOCH || v > MAX_EPOCH) {
            return false;
        }
        out.kind = Kind.EPOCH;
        out.epochMicros = v * 1_000_000L;
        out.end = j + 1;
        return true;
    }

    private static boolean syslog(CharSequence s, Parsed out) {
        int mo = month(s, 0);
        if (mo < 0 || !at(s, 3, ' ')) {
            return false;
        }
        int d;
        int j;
        if (at(s, 4, ' ')) {
            d = digit(s, 5);
            j = 6;
        } else if (digit(s, 4) >= 0 && at(s, 5, ' ')) {
            d = digit(s, 4);
            j = 5;
        } else {
            d = num(s, 4, 2);
            j = 6;
        }
        if (d < 0 || !at(s, j, ' ')) {
            return false;
        }
        j = clock(s, j + 1, out);
        if (j < 0) {
            return false;
        }
        out.month = mo;
        out.day = d;
        out.end = j;
        return true;
    }

    private static boolean epoch(CharSequence s, Parsed out) {
        int i = at(s, 0, '[') ? 1 : 0;
        int j = i;
        long v = 0;
        while (digit(s, j) >= 0 && j - i < 14) {
            v = v * 10 + digit(s, j);
            j++;
        }
        int n = j - i;
        long micros;
        if (n == 10) {
            micros = v * 1_000_000L;
            if (at(s, j, '.') && digit(s, j + 1) >= 0) {
                j++;
                long frac = 0;
                int k = 0;
                while (digit(s, j) >= 0) {
                    if (k < 6) {
                        frac = frac * 10 + digit(s, j);
                        k++;
                    }
                    j++;
                }
                for (; k < 6; k++) {
                    frac *= 10;
                }
                micros += frac;
            }
        } else if (n == 13) {
            micros = v * 1000L;
        } else {
            return false;
        }
        if (digit(s, j) >= 0 || j < s.length() && Character.isLetter(s.charAt(j))) {
            return false;
        }
        long sec = micros / 1_000_000L;
        if (sec < MIN_EPOCH || sec > MAX_EPOCH) {
            return false;
        }
        if (i == 1 && at(s, j, ']')) {
            j++;
        }
        out.epochMicros = micros;
        out.end = j;
        return true;
    }

    private static int month(CharSequence s, int i) {
        if (i + 3 > s.length()) {
            return -1;
        }
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        char c = s.charAt(i + 2);
        switch ("" + a + b + c) {
            case "Jan": return 1;
            case "Feb": return 2;
            case "Mar": return 3;
            case "Apr": return 4;
            case "May": return 5;
            case "Jun": return 6;
            case "Jul": return 7;
            case "Aug": return 8;
            case "Sep": return 9;
            case "Oct": return 10;
            case "Nov": return 11;
            case "Dec": return 12;
            default: return -1;
        }
    }
}
