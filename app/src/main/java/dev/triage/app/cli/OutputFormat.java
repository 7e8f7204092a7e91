package dev.triage.app.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json} option shared by commands that print results. */
final class OutputFormat {

    /** The two output formats. */
    enum Kind { text, json }

    @Option(names = "--format", defaultValue = "text")
    Kind kind = Kind.text;

    boolean json() {
        return kind == Kind.json;
    }
}
