package dev.triage.plugin.report.application;

import java.util.List;

/**
 * Arguments of {@code triage report layout [TITLE...] [--hide T1,T2] [--show T1,T2] [--conclusion TEXT] [--notes true|false]
 * [--mask-literals true|false]}; what is not given stays as it was.
 *
 * @param order section titles in the wanted order; the order is kept when empty
 * @param hide titles to leave out, comma-separated
 * @param show titles to include again, comma-separated
 * @param conclusion the conclusion written at the top
 * @param notes whether the case notes are included
 * @param maskLiterals whether SQL literals are masked
 */
public record LayoutArgs(List<String> order, String hide, String show, String conclusion, Boolean notes, Boolean maskLiterals) {
}
