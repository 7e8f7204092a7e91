package dev.triage.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Builds a real external plugin jar at test time: compiles Java sources and writes a PF4J manifest and a service file. */
public final class PluginJarBuilder {

    private final String pluginId;
    private final String version;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> services = new ArrayList<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();

    private PluginJarBuilder(String pluginId, String version) {
        this.pluginId = pluginId;
        this.version = version;
    }

    /**
     * Starts a jar with the given manifest id and version.
     *
     * @param pluginId the {@code Plugin-Id}
     * @param version the {@code Plugin-Version}
     * @return the builder
     */
    public static PluginJarBuilder plugin(String pluginId, String version) {
        return new PluginJarBuilder(pluginId, version);
    }

    /**
     * Adds a Java source file.
     *
     * @param className the fully qualified class name
     * @param source the source text
     * @return this
     */
    public PluginJarBuilder source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /**
     * Adds a manifest attribute, such as PF4J's {@code Plugin-Dependencies}.
     *
     * @param name the attribute name
     * @param value its value
     * @return this
     */
    public PluginJarBuilder manifest(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /**
     * Lists a class in {@code META-INF/services/dev.triage.core.plugin.Plugin}.
     *
     * @param className the plugin class
     * @return this
     */
    public PluginJarBuilder service(String className) {
        services.add(className);
        return this;
    }

    /**
     * Adds a text resource.
     *
     * @param path the path inside the jar
     * @param text the content
     * @return this
     */
    public PluginJarBuilder resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /**
     * Compiles against the test class path and writes the jar.
     *
     * @param jar where to write it
     * @return the jar path
     * @throws IOException when compiling or writing fails
     */
    public Path write(Path jar) throws IOException {
        Path classes = Files.createTempDirectory("plugin-classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, text) -> units.add(new Source(name, text)));
            List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-proc:none");
            if (!units.isEmpty() && !javac.getTask(null, fm, null, options, null, units).call()) {
                throw new IOException("Compiling the test plugin " + pluginId + " failed");
            }
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (!pluginId.isEmpty()) {
            mf.getMainAttributes().putValue("Plugin-Id", pluginId);
            mf.getMainAttributes().putValue("Plugin-Version", version);
        }
        manifest.forEach(mf.getMainAttributes()::putValue);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            try (var walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
            if (!services.isEmpty()) {
                resources.put("META-INF/services/dev.triage.core.plugin.Plugin", String.join("\n", services) + "\n");
            }
            for (var e : resources.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
