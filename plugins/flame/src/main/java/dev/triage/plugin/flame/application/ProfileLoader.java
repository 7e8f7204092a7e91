package dev.triage.plugin.flame.application;

import dev.triage.plugin.flame.domain.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Reads and writes profile files; implemented by the infrastructure's readers. */
public interface ProfileLoader {

    /**
     * Reads a profile, detecting its format.
     *
     * @param file the file, plain or gzip
     * @param sampleType the pprof or JFR sample type, or null for the default
     * @param perfOption a stackcollapse-perf.pl option (pid, tid, kernel, jit, all, addrs) or null
     * @return the profile
     * @throws IOException when it cannot be read, with a message naming file and line or offset
     */
    Profile load(Path file, String sampleType, String perfOption) throws IOException;

    /**
     * Reads a profile with its stacks split by thread where the format knows threads (JFR; perf script through tid).
     *
     * @param file the file, plain or gzip
     * @param sampleType the pprof or JFR sample type, or null for the default
     * @param byThread whether to put a root frame per thread
     * @return the profile
     * @throws IOException when it cannot be read
     */
    Profile load(Path file, String sampleType, boolean byThread) throws IOException;

    /**
     * Writes a profile as speedscope JSON.
     *
     * @param profile the profile
     * @param out where to write
     * @throws IOException when writing fails
     */
    void writeSpeedscope(Profile profile, OutputStream out) throws IOException;

    /**
     * Draws a profile's flame graph as a PNG image.
     *
     * @param profile the profile
     * @param width the image width in pixels
     * @param title the title line drawn above the graph
     * @return the PNG bytes
     * @throws IOException when the image cannot be encoded
     */
    byte[] png(Profile profile, int width, String title) throws IOException;
}
