package dev.triage.plugin.sql.infrastructure;

import dev.triage.plugin.sql.application.SecretPrompt;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/** Reads passwords from standard input or the console, never from arguments; wipes its buffers. */
public final class ConsoleSecretPrompt implements SecretPrompt {

    /** The environment variable a non-interactive run gives the secret store's passphrase in. */
    public static final String PASSPHRASE_VARIABLE = "TRIAGE_SECRETS_PASSPHRASE";

    private final Supplier<InputStream> stdin;
    private final Supplier<Console> console;
    private final Supplier<String> env;

    /**
     * Creates a prompt.
     *
     * @param stdin standard input
     * @param console the console or null
     * @param env reads the passphrase variable
     */
    public ConsoleSecretPrompt(Supplier<InputStream> stdin, Supplier<Console> console, Supplier<String> env) {
        this.stdin = stdin;
        this.console = console;
        this.env = env;
    }

    /**
     * Returns the prompt of this process.
     *
     * @return a prompt over System.in, System.console() and the environment
     */
    public static ConsoleSecretPrompt system() {
        return new ConsoleSecretPrompt(() -> System.in, System::console, () -> System.getenv(PASSPHRASE_VARIABLE));
    }

    @Override
    public char[] stdinLine() throws IOException {
        InputStream in = stdin.get();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            buf.write(b);
        }
        byte[] bytes = buf.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, len));
        char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(bytes, (byte) 0);
        return out;
    }

    @Override
    public char[] console(String prompt) {
        Console c = console.get();
        return c == null ? null : c.readPassword("%s", prompt);
    }

    @Override
    public char[] passphraseFromEnvironment() {
        String v = env.get();
        return v == null || v.isEmpty() ? null : v.toCharArray();
    }
}
