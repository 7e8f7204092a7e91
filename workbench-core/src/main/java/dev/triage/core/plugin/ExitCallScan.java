package dev.triage.core.plugin;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds calls that would end the whole application ({@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}) in
 * the classes of a plugin jar, by reading each class file's constant pool, so such a plugin is refused before it runs.
 * It cannot see calls made through reflection; it guards against plugins that end the app by mistake.
 */
final class ExitCallScan {

    private ExitCallScan() {
    }

    /**
     * Returns the first call ending the application found in a jar, as {@code class: System.exit}.
     *
     * @param jar the plugin jar
     * @return where the call is, or empty when there is none
     * @throws IOException when the jar cannot be read or a class file is malformed
     */
    static Optional<String> find(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        Optional<String> call = exitCall(in);
                        if (call.isPresent()) {
                            return Optional.of(e.getName().replaceFirst("\\.class$", "").replace('/', '.') + ": " + call.get());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Reads a class file's constant pool and looks for a method reference to one of the exit methods. */
    static Optional<String> exitCall(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[][] refs = new int[count][];
        int[][] nameAndTypes = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 9, 17, 18 -> in.readInt();
                case 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        for (int[] ref : refs) {
            if (ref == null || nameAndTypes[ref[1]] == null) {
                continue;
            }
            String owner = utf8[classNames[ref[0]]];
            String name = utf8[nameAndTypes[ref[1]][0]];
            if ("java/lang/System".equals(owner) && "exit".equals(name)) {
                return Optional.of("System.exit");
            }
            if ("java/lang/Runtime".equals(owner) && ("exit".equals(name) || "halt".equals(name))) {
                return Optional.of("Runtime." + name);
            }
        }
        return Optional.empty();
    }
}
