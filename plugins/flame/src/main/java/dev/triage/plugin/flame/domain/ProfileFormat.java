package dev.triage.plugin.flame.domain;

/** The profile formats Triage reads. */
public enum ProfileFormat {
    /** Folded or collapsed stacks: {@code a;b;c 12} per line (FlameGraph, async-profiler collapsed). */
    FOLDED,
    /** The text of {@code perf script}, collapsed with stackcollapse-perf.pl's rules. */
    PERF_SCRIPT,
    /** Go's pprof protobuf ({@code .pb.gz}). */
    PPROF,
    /** A Java Flight Recorder recording. */
    JFR,
    /** speedscope's JSON file format. */
    SPEEDSCOPE
}
