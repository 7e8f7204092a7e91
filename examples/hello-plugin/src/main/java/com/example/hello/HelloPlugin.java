package com.example.hello;

import dev.triage.core.command.CommandSpec;
import dev.triage.core.plugin.Plugin;
import dev.triage.core.plugin.PluginContext;
import dev.triage.core.plugin.PluginDescriptor;
import dev.triage.core.report.Block;
import dev.triage.core.report.ReportContributor;
import dev.triage.core.report.ReportRequest;
import dev.triage.core.report.ReportSection;
import java.util.List;

/** An external plugin: a {@code hello.greet} command (also {@code triage hello greet}) and a section in the case report. */
public final class HelloPlugin implements Plugin {

    /** Arguments of {@code hello.greet}: {@code triage hello greet --name Ada}. */
    public record GreetArgs(String name) {
    }

    /** What {@code hello.greet} answers. */
    public record Greeting(String text) {
    }

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("hello", "Hello (example)", "1.0.0", "core@[0.1,1.0)");
    }

    @Override
    public void init(PluginContext context) {
        context.command(new CommandSpec<>("hello.greet", "Greet", "Says hello: --name NAME.", GreetArgs.class),
                (args, task) -> new Greeting("Hello, " + (args == null || args.name() == null ? "DBA" : args.name()) + "!"));
        context.register(ReportContributor.class, new ReportContributor() {
            @Override
            public String name() {
                return "hello";
            }

            @Override
            public List<ReportSection> contribute(ReportRequest request) {
                return List.of(new ReportSection("Hello", List.of(new Block.Paragraph("Made by an external plugin."))));
            }
        });
    }
}
