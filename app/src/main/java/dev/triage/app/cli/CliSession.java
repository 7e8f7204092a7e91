package dev.triage.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.triage.core.config.AppPaths;
import dev.triage.core.i18n.Messages;
import dev.triage.core.kernel.Kernel;
import java.io.PrintWriter;

/** What one CLI run shares: the kernel (started on first use), the output streams, the texts and the printer. */
final class CliSession implements AutoCloseable {

    private final AppPaths paths;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Messages texts;
    private Kernel kernel;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    CliSession(AppPaths paths, PrintWriter out, PrintWriter err, Messages texts) {
        this.paths = paths;
        this.out = out;
        this.err = err;
        this.texts = texts;
    }

    synchronized Kernel kernel() {
        if (kernel == null) {
            kernel = Kernel.create(paths).startPlugins();
        }
        return kernel;
    }

    AppPaths paths() {
        return paths;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Returns a text from the CLI bundle in the user's language, formatted with the arguments. */
    String text(String key, Object... args) {
        return texts.get(key, args);
    }

    /** Prints an error line on stderr: the program name, then the message. */
    void error(String message) {
        err.println("triage: " + message);
    }

    /** Prints a value as indented JSON. */
    void printJson(Object value) throws Exception {
        out.println(json.writeValueAsString(value));
    }

    /** Returns the JSON mapper, for text output of nested values. */
    ObjectMapper json() {
        return json;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public synchronized void close() {
        if (kernel != null) {
            kernel.close();
        }
    }
}
