package dev.triage.plugin.flame.bench;

import dev.triage.plugin.flame.domain.FunctionTable;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.infrastructure.FileProfileLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Opens a profile file the way the view does and prints one line: parse wall and CPU time (all threads of the JVM, and
 * the reading thread alone: the parse's critical path, since the trie is built on a second thread beside it),
 * the heap after a GC, and the time and heap of the function table. {@code ParseBench FILE [runs]}; used by
 * plugins/flame/bench.sh.
 */
public final class ParseBench {

    private ParseBench() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the file and how many runs
     * @throws Exception when the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= runs; r++) {
            long cpu0 = os.getProcessCpuTime();
            long main0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Profile p = new FileProfileLoader().load(file, null, null);
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            long main1 = threads.getCurrentThreadCpuTime();
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            long t2 = System.nanoTime();
            FunctionTable table = FunctionTable.of(p.trie());
            long t3 = System.nanoTime();
            long cpu3 = os.getProcessCpuTime();
            System.gc();
            long heap2 = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("run %d: %s parse %.2f s wall %.2f s CPU (process; reading thread %.2f s), heap %d MB, %d frames, %d nodes, %d samples;"
                    + " function table %d functions %.2f s wall %.2f s CPU, heap %d MB%n", r, file.getFileName(),
                    (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (main1 - main0) / 1e9, heap >> 20, p.trie().frames().size(), p.trie().size(), p.total(),
                    table.size(), (t3 - t2) / 1e9, (cpu3 - cpu1) / 1e9 - 0, heap2 >> 20);
        }
    }
}
