package dev.triage.core.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool with input on stdin (never as an argument) and a time limit. */
final class ToolRunner {

    /** What a tool run produced; {@code stdout} may hold a secret and is wiped by the caller. */
    record Result(int exitCode, byte[] stdout, String stderr) {
    }

    private final Path tool;
    private final Duration timeout;

    ToolRunner(Path tool, Duration timeout) {
        this.tool = tool;
        this.timeout = timeout;
    }

    Path tool() {
        return tool;
    }

    /** Runs the tool with arguments, writing {@code stdin} to it and closing it; outputs are small, so reading after exit is safe. */
    Result run(List<String> args, byte[] stdin) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The tool exited without reading its input; its exit code and stderr explain why.
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool.getFileName() + " did not finish within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(tool.getFileName() + " was interrupted", e);
        }
        try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
            return new Result(p.exitValue(), out.readAllBytes(), new String(err.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
