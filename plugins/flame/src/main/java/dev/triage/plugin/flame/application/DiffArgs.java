package dev.triage.plugin.flame.application;

import java.util.List;

/**
 * Arguments of {@code flame.diff}: {@code triage flame diff BEFORE AFTER [--top 20] [--sample-type cpu]}.
 *
 * @param files the baseline and the new profile
 * @param top how many changes to list (default 20)
 * @param sampleType the pprof or JFR sample type of both
 */
public record DiffArgs(List<String> files, Integer top, String sampleType) {
}
