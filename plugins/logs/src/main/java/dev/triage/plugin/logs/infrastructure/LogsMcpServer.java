package dev.triage.plugin.logs.infrastructure;

import dev.triage.core.command.CommandBus;
import dev.triage.core.command.CommandException;
import dev.triage.core.command.CommandOutput;
import dev.triage.core.task.TaskContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * An MCP server over a pair of streams (stdio for {@code triage mcp --case C}) that offers the case's log commands as tools:
 * search, timeline, facts, remember, notes, files and report. Each tool runs the plugin's command on the CommandBus with the
 * tool's arguments, so an AI assistant sees exactly what the CLI and the view see, fully offline.
 */
public final class LogsMcpServer {

    /** A tool and the command it runs. */
    private record ToolDef(String tool, String command, String description, Map<String, String> defaults) {
    }

    private static final List<ToolDef> TOOLS = List.of(
            new ToolDef("search", "logs.search", "Searches the case's log lines: must (all terms), any (at least one), none (excluded),"
                    + " regex (RE2), ignoreCase, since/until (ISO-8601 or 'yyyy-MM-dd HH:mm:ss' in the case's zone), maxHits (default 100"
                    + " here), context (lines before/after, <= 12), file, cursor (nextCursor of the last page). Returns hits with file,"
                    + " line, time, text and context, plus scan statistics.", Map.of("maxHits", "100")),
            new ToolDef("timeline", "logs.timeline", "One page of the merged, time-ordered entries of all log files: since, until, level"
                    + " (at least: TRACE..FATAL), file, text, fact (rule name), limit (default 100 here), cursor.", Map.of("limit", "100")),
            new ToolDef("facts", "logs.facts", "Facts found by the rules (deadlocks, restarts, OOM, ISR shrink, exceptions...):"
                    + " counts per rule and file, and the facts themselves; rule filters, limit caps, refresh re-extracts.", Map.of()),
            new ToolDef("remember", "logs.remember", "Keeps a note or bookmark on a log line in the case (listed in the report):"
                    + " file, line, kind (note|bookmark), key (optional), text.", Map.of()),
            new ToolDef("notes", "logs.notes", "Lists the notes and bookmarks kept on log lines.", Map.of()),
            new ToolDef("files", "logs.files", "Lists the case's log files with encoding, time formats, zone, lines and entries.",
                    Map.of()),
            new ToolDef("report", "logs.report", "The logs section of the case report in Markdown: summary, important events,"
                    + " facts and notes.", Map.of()));

    /** Tool calls report no progress and are not cancelled from here. */
    private static final TaskContext NO_PROGRESS = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private final CommandBus commands;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();

    /**
     * Creates a server that runs the logs commands of this bus.
     *
     * @param commands the kernel's command bus (the case must be open)
     */
    public LogsMcpServer(CommandBus commands) {
        this.commands = commands;
    }

    /**
     * Serves MCP requests read from {@code in} and answers on {@code out} until {@code in} ends or the task is cancelled.
     *
     * @param in JSON-RPC requests, one per line
     * @param out JSON-RPC answers, one per line (nothing else is written there)
     * @param context cancellation
     * @throws InterruptedException when interrupted while serving
     */
    public void serve(InputStream in, OutputStream out, TaskContext context) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    ended.countDown();
                }
                return n;
            }
        };
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, watched, out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("triage-logs", "0.1.0")
                .instructions("Triage log timeline of one case: search the lines, page the merged timeline, read the facts,"
                        + " remember notes on lines and get the report. Times are in the case's zone.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .requestTimeout(Duration.ofMinutes(5))
                .tools(tools())
                .build();
        try {
            while (!ended.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (context.isCancelled()) {
                    break;
                }
            }
        } finally {
            server.closeGracefully();
        }
    }

    /**
     * Serves on the process's own stdin and stdout (the {@code triage mcp} command); stdout then carries JSON-RPC only.
     *
     * @param commands the kernel's command bus
     * @param context cancellation
     * @throws InterruptedException when interrupted while serving
     */
    public static void serveStdio(CommandBus commands, TaskContext context) throws InterruptedException {
        // The raw descriptors, not System.out: the CLI prints nothing while this runs, and the app's logs go to a file.
        new LogsMcpServer(commands).serve(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out), context);
    }

    /** The tool specifications, one per logs command that exists on the bus. */
    List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> out = new ArrayList<>();
        for (ToolDef def : TOOLS) {
            commands.find(def.command()).ifPresent(spec -> out.add(SyncToolSpecification.builder()
                    .tool(McpSchema.Tool.builder().name(def.tool()).title(spec.title()).description(def.description())
                            .inputSchema(schema(spec.argType())).build())
                    .callHandler((exchange, request) -> call(def, request.arguments()))
                    .build()));
        }
        return out;
    }

    /** Runs the tool's command; a failing command is a tool error with its message, never a broken session. */
    private CallToolResult call(ToolDef def, Map<String, Object> arguments) {
        Map<String, Object> args = new LinkedHashMap<>(def.defaults());
        if (arguments != null) {
            arguments.forEach((k, v) -> {
                if (v != null) {
                    args.put(k, v);
                }
            });
        }
        try {
            Object result = commands.executeText(def.command(), args, NO_PROGRESS);
            String markdown = result instanceof CommandOutput o && def.tool().equals("report") ? o.markdown() : null;
            String text = markdown != null ? markdown : result instanceof String s ? s : json.writeValueAsString(result);
            return CallToolResult.builder().addTextContent(text).isError(false).build();
        } catch (CommandException | IOException | RuntimeException e) {
            return CallToolResult.builder().addTextContent(def.tool() + " failed: " + e.getMessage()).isError(true).build();
        }
    }

    /** A JSON schema of a command's argument record: lists are string arrays, numbers integers, booleans booleans. */
    static Map<String, Object> schema(Class<?> argType) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (argType.isRecord()) {
            for (RecordComponent rc : argType.getRecordComponents()) {
                Class<?> t = rc.getType();
                Map<String, Object> p = new LinkedHashMap<>();
                if (List.class.isAssignableFrom(t)) {
                    p.put("type", "array");
                    p.put("items", Map.of("type", "string"));
                } else if (t == Integer.class || t == Long.class || t == int.class || t == long.class) {
                    p.put("type", "integer");
                } else if (t == Boolean.class || t == boolean.class) {
                    p.put("type", "boolean");
                } else {
                    p.put("type", "string");
                }
                properties.put(rc.getName(), p);
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        return schema;
    }
}
