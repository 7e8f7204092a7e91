package dev.triage.plugin.flame.application;

import java.util.List;

/**
 * Arguments of {@code flame.export}: {@code triage flame export FILE --svg out.svg | --png out.png | --speedscope out.json}.
 *
 * @param files the profile (one file)
 * @param svg where to write an SVG flame graph
 * @param png where to write a PNG flame graph
 * @param speedscope where to write speedscope JSON
 * @param width the image width in pixels (default 1200)
 * @param sampleType the pprof or JFR sample type
 */
public record ExportArgs(List<String> files, String svg, String png, String speedscope, Integer width, String sampleType) {
}
