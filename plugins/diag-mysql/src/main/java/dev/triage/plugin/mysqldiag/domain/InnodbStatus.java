package dev.triage.plugin.mysqldiag.domain;

import dev.triage.diag.domain.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code SHOW ENGINE INNODB STATUS} says that matters: the latest deadlock with both transactions and their locks,
 * transactions waiting for locks, history list length and the buffer pool.
 *
 * @param deadlockTime when the latest deadlock happened, empty when none is listed
 * @param deadlock the transactions of the latest deadlock, in order
 * @param rolledBack which transaction InnoDB rolled back, such as {@code (1)}, empty when none
 * @param lockWaits the transactions waiting for a lock now
 * @param historyListLength the undo history length, NaN when absent
 * @param bufferPoolSize pages in the buffer pool, NaN when absent
 * @param freeBuffers free pages, NaN when absent
 * @param modifiedPages dirty pages, NaN when absent
 * @param hitRate the buffer pool hit rate per 1000 reads, NaN when absent or idle
 */
public record InnodbStatus(String deadlockTime, List<Transaction> deadlock, String rolledBack, List<Transaction> lockWaits,
                           double historyListLength, double bufferPoolSize, double freeBuffers, double modifiedPages, double hitRate) {

    private static final Pattern TRX_HEAD = Pattern.compile("^\\*\\*\\* \\((\\d+)\\) TRANSACTION:");
    private static final Pattern THREAD = Pattern.compile("(?:MySQL|MariaDB) thread id (\\d+), OS thread handle \\S+, query id \\d+ ?(.*)$");
    private static final Pattern WAITING_US = Pattern.compile("TRX HAS BEEN WAITING (\\d+) (us|SEC)");
    private static final Pattern HIT_RATE = Pattern.compile("Buffer pool hit rate (\\d+) / 1000");

    /** Copies the lists. */
    public InnodbStatus {
        deadlock = List.copyOf(deadlock);
        lockWaits = List.copyOf(lockWaits);
    }

    /**
     * One transaction as the status lists it.
     *
     * @param label the deadlock label such as {@code (1)}, or the transaction id
     * @param header the TRANSACTION line (id, state, time)
     * @param thread the thread id, empty when unknown
     * @param user the user, host and state after the thread id
     * @param statement the statement it ran
     * @param waitingFor the lock it waits for, empty when none
     * @param holds the locks it holds that the other one wants, empty when not listed
     * @param waitedSeconds how long it waited, NaN when not listed
     */
    public record Transaction(String label, String header, String thread, String user, String statement, String waitingFor,
                              String holds, double waitedSeconds) {
    }

    /**
     * Parses the status text; the mysql client's table, vertical and tab-separated (escaped {@code \n}) forms all work.
     *
     * @param text the output
     * @return what was found
     */
    public static InnodbStatus parse(String text) {
        String t = text.replace("\r", "");
        if (!t.contains("\n=====") && t.contains("\\n")) {
            t = t.replace("\\n", "\n");
        }
        List<String> lines = t.lines().map(l -> l.startsWith("| InnoDB |") ? "" : l).toList();
        String section = "";
        List<Transaction> deadlock = new ArrayList<>();
        List<Transaction> waits = new ArrayList<>();
        String deadlockTime = "";
        String rolledBack = "";
        double hll = Double.NaN;
        double size = Double.NaN;
        double free = Double.NaN;
        double modified = Double.NaN;
        double hit = Double.NaN;
        Builder current = null;
        String part = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i + 1 < lines.size() && lines.get(i + 1).matches("-{3,}") && i > 0 && lines.get(i - 1).matches("-{3,}")) {
                current = finish(current, section, deadlock, waits);
                section = line.strip();
                continue;
            }
            if (section.equals("LATEST DETECTED DEADLOCK")) {
                Matcher h = TRX_HEAD.matcher(line);
                if (h.find()) {
                    current = finish(current, section, deadlock, waits);
                    current = new Builder("(" + h.group(1) + ")");
                    part = "";
                } else if (deadlockTime.isEmpty() && line.matches("^\\d{4}-\\d{2}-\\d{2} .*")) {
                    deadlockTime = line.strip().split(" 0x")[0];
                } else if (line.startsWith("*** WE ROLL BACK TRANSACTION")) {
                    current = finish(current, section, deadlock, waits);
                    rolledBack = line.replace("*** WE ROLL BACK TRANSACTION", "").strip();
                } else if (current != null) {
                    part = current.read(line, part);
                }
            } else if (section.equals("TRANSACTIONS")) {
                if (line.startsWith("History list length")) {
                    hll = Numbers.parse(line.substring("History list length".length()));
                } else if (line.startsWith("---TRANSACTION")) {
                    current = finish(current, section, deadlock, waits);
                    current = new Builder(line.replace("---TRANSACTION", "").split(",")[0].strip());
                    current.header = line.substring(3);
                    part = "";
                } else if (current != null) {
                    part = current.read(line, part);
                }
            } else if (section.equals("BUFFER POOL AND MEMORY")) {
                if (line.startsWith("Buffer pool size") && Double.isNaN(size)) {
                    size = Numbers.parse(line.substring("Buffer pool size".length()));
                } else if (line.startsWith("Free buffers") && Double.isNaN(free)) {
                    free = Numbers.parse(line.substring("Free buffers".length()));
                } else if (line.startsWith("Modified db pages") && Double.isNaN(modified)) {
                    modified = Numbers.parse(line.substring("Modified db pages".length()));
                } else {
                    Matcher m = HIT_RATE.matcher(line);
                    if (m.find() && Double.isNaN(hit)) {
                        hit = Double.parseDouble(m.group(1));
                    }
                }
            }
        }
        finish(current, section, deadlock, waits);
        return new InnodbStatus(deadlockTime, deadlock, rolledBack, waits, hll, size, free, modified, hit);
    }

    private static Builder finish(Builder b, String section, List<Transaction> deadlock, List<Transaction> waits) {
        if (b != null) {
            if (section.equals("LATEST DETECTED DEADLOCK")) {
                deadlock.add(b.build());
            } else if (b.waiting != null && !b.waiting.isEmpty()) {
                waits.add(b.build());
            }
        }
        return null;
    }

    private static final class Builder {
        private final String label;
        private String header = "";
        private String thread = "";
        private String user = "";
        private String statement = "";
        private String waiting = "";
        private String holds = "";
        private double waited = Double.NaN;
        private boolean expectStatement;

        Builder(String label) {
            this.label = label;
        }

        String read(String line, String part) {
            if (line.startsWith("TRANSACTION ") && header.isEmpty()) {
                header = line.strip();
                return part;
            }
            Matcher th = THREAD.matcher(line);
            if (th.find()) {
                thread = th.group(1);
                user = th.group(2).strip();
                expectStatement = true;
                return part;
            }
            if (line.contains("FOR THIS LOCK TO BE GRANTED")) {
                Matcher w = WAITING_US.matcher(line);
                if (w.find()) {
                    waited = Double.parseDouble(w.group(1)) / (w.group(2).equals("us") ? 1_000_000 : 1);
                }
                expectStatement = false;
                return "waiting";
            }
            if (line.startsWith("***") && (line.contains("HOLDS THE LOCK") || line.contains("CONFLICTING WITH"))) {
                expectStatement = false;
                return "holds";
            }
            if (expectStatement && !line.isBlank() && !line.startsWith("---") && !line.startsWith("***")) {
                statement = statement.isEmpty() ? line.strip() : statement + " " + line.strip();
                return part;
            }
            if (line.startsWith("RECORD LOCKS") || line.startsWith("TABLE LOCK")) {
                if (part.equals("waiting") && waiting.isEmpty()) {
                    waiting = line.strip();
                } else if (part.equals("holds") && holds.isEmpty()) {
                    holds = line.strip();
                }
            }
            return part;
        }

        Transaction build() {
            return new Transaction(label, header, thread, user, statement, waiting, holds, waited);
        }
    }
}
