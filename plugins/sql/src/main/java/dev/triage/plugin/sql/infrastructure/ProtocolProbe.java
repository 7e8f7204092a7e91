package dev.triage.plugin.sql.infrastructure;

import dev.triage.core.connection.ConnectionKind;
import dev.triage.core.connection.ConnectionTarget;
import dev.triage.plugin.sql.domain.ConnectionOptions;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tests Redis and Kafka targets in their own protocols, without their client libraries: Redis gets AUTH (when a password
 * is stored) and PING, then INFO server for the version; a Kafka broker gets an ApiVersions request, which every broker
 * answers before any SASL login. TLS is used when the target's {@code tls} option asks for it.
 */
final class ProtocolProbe {

    private static final int TIMEOUT_MS = 5000;

    private ProtocolProbe() {
    }

    /**
     * Probes a Redis or Kafka target.
     *
     * @param target the target
     * @param password the password or null; wiped by the caller
     * @return what answered
     * @throws IOException when the target does not answer in its protocol, or refuses the password
     */
    static String probe(ConnectionTarget target, char[] password) throws IOException {
        boolean kafka = target.kind() == ConnectionKind.KAFKA;
        try (Socket s = open(target)) {
            return kafka ? kafka(s) : redis(target, s, password);
        } catch (java.net.SocketTimeoutException e) {
            throw new IOException(target.host() + ":" + target.port() + " did not answer " + (kafka ? "ApiVersions" : "PING") + " within "
                    + TIMEOUT_MS / 1000 + " s: not a " + (kafka ? "Kafka broker" : "Redis server") + "?", e);
        }
    }

    private static Socket open(ConnectionTarget t) throws IOException {
        String tls = t.options().getOrDefault(ConnectionOptions.TLS, "disabled");
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(t.host(), t.port()), TIMEOUT_MS);
        plain.setSoTimeout(TIMEOUT_MS);
        if (tls.equals("disabled") || tls.equals("false") || tls.equals("preferred")) {
            return plain;
        }
        // the JVM's trust store checks the server certificate
        return ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, t.host(), t.port(), true);
    }

    private static String redis(ConnectionTarget t, Socket s, char[] password) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = new BufferedInputStream(s.getInputStream());
        if (password != null && password.length > 0) {
            byte[] pw = utf8(password);
            try {
                List<byte[]> auth = new ArrayList<>();
                auth.add(bytes("AUTH"));
                if (!t.user().isEmpty() && !t.user().equals("default")) {
                    auth.add(bytes(t.user()));
                }
                auth.add(pw);
                command(out, auth);
            } finally {
                Arrays.fill(pw, (byte) 0);
            }
            String reply = line(in);
            if (!reply.startsWith("+OK")) {
                throw new IOException("Redis at " + t.host() + ":" + t.port() + " refused the login: " + reply.substring(Math.min(1, reply.length())));
            }
        }
        command(out, List.of(bytes("PING")));
        String pong = line(in);
        if (!pong.equals("+PONG")) {
            throw new IOException("Redis at " + t.host() + ":" + t.port() + " answered PING with: " + pong);
        }
        command(out, List.of(bytes("INFO"), bytes("server")));
        String header = line(in);
        String version = "";
        String mode = "";
        if (header.startsWith("$")) {
            byte[] body = new byte[Integer.parseInt(header.substring(1)) + 2];
            new DataInputStream(in).readFully(body);
            for (String l : new String(body, StandardCharsets.UTF_8).split("\r\n")) {
                if (l.startsWith("redis_version:")) {
                    version = " " + l.substring("redis_version:".length());
                } else if (l.startsWith("redis_mode:")) {
                    mode = " (" + l.substring("redis_mode:".length()) + ")";
                }
            }
        }
        return "Redis" + version + mode + " answered PING" + (password != null && password.length > 0 ? " after AUTH" : "");
    }

    private static String kafka(Socket s) throws IOException {
        byte[] client = bytes("triage");
        ByteBuffer req = ByteBuffer.allocate(4 + 2 + 2 + 4 + 2 + client.length);
        req.putInt(req.capacity() - 4).putShort((short) 18).putShort((short) 0).putInt(7).putShort((short) client.length).put(client);
        s.getOutputStream().write(req.array());
        s.getOutputStream().flush();
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        int size = in.readInt();
        if (size < 10 || size > 1 << 20) {
            throw new IOException("not a Kafka broker: a reply of " + size + " bytes to ApiVersions");
        }
        byte[] body = new byte[size];
        in.readFully(body);
        ByteBuffer r = ByteBuffer.wrap(body);
        int correlation = r.getInt();
        short error = r.getShort();
        int apis = r.getInt();
        if (correlation != 7 || error != 0 || apis <= 0) {
            throw new IOException("not a Kafka broker answer to ApiVersions (correlation " + correlation + ", error " + error + ")");
        }
        return "Kafka broker answered ApiVersions (" + apis + " APIs); a SASL login is checked by the Kafka diagnostics";
    }

    private static void command(OutputStream out, List<byte[]> args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes("*" + args.size() + "\r\n"));
        for (byte[] a : args) {
            b.writeBytes(bytes("$" + a.length + "\r\n"));
            b.writeBytes(a);
            b.writeBytes(bytes("\r\n"));
        }
        byte[] frame = b.toByteArray();
        out.write(frame);
        out.flush();
        Arrays.fill(frame, (byte) 0);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > 4096) {
                break;
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("the server closed the connection without answering");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
        Arrays.fill(bb.array(), (byte) 0);
        return out;
    }
}
