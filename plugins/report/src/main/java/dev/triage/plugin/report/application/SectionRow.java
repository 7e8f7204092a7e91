package dev.triage.plugin.report.application;

/**
 * One section of a case's report as {@code triage report sections} lists it.
 *
 * @param position its place, from 1
 * @param title the section title
 * @param included whether it is written
 */
public record SectionRow(int position, String title, boolean included) {
}
