package dev.triage.app.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|json|markdown} option shared by commands that print results. */
final class OutputFormat {

    /** The output formats. */
    enum Kind { text, json, markdown }

    @Option(names = "--format", defaultValue = "text")
    Kind kind = Kind.text;

    boolean json() {
        return kind == Kind.json;
    }
}
