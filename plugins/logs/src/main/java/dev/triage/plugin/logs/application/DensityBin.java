package dev.triage.plugin.logs.application;

/**
 * How many entries of one file fall into one time bucket.
 *
 * @param fileId the file id
 * @param file the file name
 * @param startMicros the bucket start
 * @param widthMicros the bucket width
 * @param count the entries
 */
public record DensityBin(int fileId, String file, long startMicros, long widthMicros, long count) {
}
