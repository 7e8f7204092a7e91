package dev.triage.plugin.overview.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.core.finding.Severity;
import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.domain.AlertRule;
import dev.triage.plugin.overview.domain.AlertState;
import dev.triage.plugin.overview.domain.AlertTransition;
import dev.triage.plugin.overview.domain.Notification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail over SMTP to a real SMTP server on loopback: a small one in this test (RFC 5321 commands, AUTH PLAIN), since GreenMail is
 * not among the packages this build can use. It records the envelope, the login and the message as received on the wire.
 */
class EmailNotifierTest {

    /** What one SMTP session delivered. */
    record Mail(String user, String password, String from, List<String> to, String data) {
    }

    static ServerSocket socket;
    static Thread thread;
    static final BlockingQueue<Mail> MAILS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    session(s);
                } catch (IOException e) {
                    // closed at the end of the test, or a client that went away
                }
            }
        }, "test-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterAll
    static void stop() throws IOException {
        socket.close();
    }

    static void session(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
        out.print("220 test-smtp ready\r\n");
        out.flush();
        String user = null;
        String password = null;
        String from = null;
        List<String> to = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                out.print("250-test-smtp\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
            } else if (upper.startsWith("HELO")) {
                out.print("250 test-smtp\r\n");
            } else if (upper.startsWith("AUTH PLAIN")) {
                String b64 = line.length() > 10 ? line.substring(10).trim() : "";
                if (b64.isEmpty()) {
                    out.print("334 \r\n");
                    out.flush();
                    b64 = in.readLine().trim();
                }
                String[] parts = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).split("\u0000", -1);
                user = parts[1];
                password = parts[2];
                out.print("235 2.7.0 Authentication successful\r\n");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).trim();
                out.print("250 OK\r\n");
            } else if (upper.startsWith("RCPT TO:")) {
                to.add(line.substring(8).trim());
                out.print("250 OK\r\n");
            } else if (upper.equals("DATA")) {
                out.print("354 End data with <CR><LF>.<CR><LF>\r\n");
                out.flush();
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals(".")) {
                    data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
                }
                MAILS.add(new Mail(user, password, from, List.copyOf(to), data.toString()));
                out.print("250 OK queued\r\n");
            } else if (upper.equals("QUIT")) {
                out.print("221 Bye\r\n");
                out.flush();
                return;
            } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                out.print("250 OK\r\n");
            } else {
                out.print("502 Command not implemented\r\n");
            }
            out.flush();
        }
    }

    static NotificationGroup group() {
        AlertRule down = new AlertRule("target-down", "up", AlertRule.Op.EQ, 0, Duration.ofMinutes(1), Severity.CRITICAL, null,
                "{target} is down");
        Notification n = Notification.of(new AlertTransition(down, "prod-db-1", AlertState.PENDING, AlertState.FIRING,
                Instant.parse("2026-11-23T10:00:00Z"), 0)).orElseThrow();
        return new NotificationGroup("dba-mail", "critical", Map.of("alertname", "target-down"), List.of(n));
    }

    EmailNotifier.Smtp smtp(String user) {
        return new EmailNotifier.Smtp("127.0.0.1", socket.getLocalPort(), false, user, "triage@example.org",
                List.of("dba@example.org", "oncall@example.org"), Duration.ofSeconds(10));
    }

    @Test
    void sendsTheGroupAsAPlainTextMailWithLogin() throws Exception {
        new EmailNotifier(smtp("triage"), "s3cret".toCharArray()).send(group());
        Mail m = MAILS.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("the SMTP server got a mail").isNotNull();
        assertThat(m.user()).isEqualTo("triage");
        assertThat(m.password()).isEqualTo("s3cret");
        assertThat(m.from()).isEqualTo("<triage@example.org>");
        assertThat(m.to()).containsExactly("<dba@example.org>", "<oncall@example.org>");
        assertThat(m.data()).contains("Subject: [FIRING:1] target-down (alertname=target-down)")
                .contains("To: dba@example.org, oncall@example.org")
                .contains("FIRING CRITICAL prod-db-1 is down (up = 0, 2026-11-23T10:00:00Z)")
                .contains("route critical, receiver dba-mail");
    }

    @Test
    void withoutAUserNoLoginIsTried() throws Exception {
        new EmailNotifier(smtp(null), null).send(group());
        Mail m = MAILS.poll(10, TimeUnit.SECONDS);
        assertThat(m).isNotNull();
        assertThat(m.user()).isNull();
    }

    @Test
    void aServerThatIsNotThereFailsSoTheDispatcherRetries() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        EmailNotifier.Smtp nowhere = new EmailNotifier.Smtp("127.0.0.1", closed, false, null, "a@b.c", List.of("d@e.f"),
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> new EmailNotifier(nowhere, null).send(group())).isInstanceOf(jakarta.mail.MessagingException.class);
        assertThatThrownBy(() -> new EmailNotifier.Smtp("h", 25, false, null, "a@b.c", List.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("host, from and to");
    }
}
