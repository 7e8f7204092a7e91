package dev.triage.plugin.flame.application;

import java.util.List;

/**
 * Arguments of {@code flame.summary}: {@code triage flame summary FILE [--top 20] [--sample-type cpu] [--perf kernel]}.
 *
 * @param files the profile (one file)
 * @param top how many functions to list (default 20)
 * @param sampleType the pprof or JFR sample type (default: the profile's default)
 * @param perf a stackcollapse-perf.pl option for perf script text: pid, tid, kernel, jit, all or addrs
 */
public record SummaryArgs(List<String> files, Integer top, String sampleType, String perf) {
}
