package dev.triage.core.command;

/** The argument record of commands that take no arguments. */
public record NoArgs() {

    /** The one value. */
    public static final NoArgs INSTANCE = new NoArgs();
}
